import { defineCoreModule } from '../define.js';
import access from './permissions.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

/** The requirement catalogues' permissions, error codes and texts. */
export default defineCoreModule({
  name: 'requirement-catalogues',
  permissions: access.permissions,
  errors: {
    catalogue_invalid: 400,
    catalogue_version_exists: 409,
    catalogue_unreadable_file: 400,
  },
  messages: { sv, en },
});
