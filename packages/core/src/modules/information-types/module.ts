import { defineCoreModule } from '../define.js';
import access from './permissions.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

/** The information-type library's permissions, error codes and texts: the worked example of a core module folder. */
export default defineCoreModule({
  name: 'information-types',
  permissions: access.permissions,
  errors: {
    information_type_in_use: 409,
    duplicate_information_type_key: 409,
    unknown_information_type: 400,
  },
  messages: { sv, en },
});
