import { defineCoreModule } from '../define.js';
import access from './permissions.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

/** The statement of applicability's permissions, error codes and texts. */
export default defineCoreModule({
  name: 'soa',
  permissions: access.permissions,
  errors: {
    soa_year_exists: 409,
    soa_reason_required: 400,
    soa_reason_text_required: 400,
    soa_unknown_control: 404,
  },
  messages: { sv, en },
});
