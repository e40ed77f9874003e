import { defineCoreModule } from '../define.js';
import access from './permissions.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

/** Measures (åtgärder): permissions, error codes and texts. Rules in rules.ts, API schemas in schemas.ts. */
export default defineCoreModule({
  name: 'measures',
  permissions: access.permissions,
  errors: {
    measure_due_before_start: 400,
    measure_verifier_is_owner: 403,
    measure_method_required: 400,
    measure_reason_required: 400,
    measure_status_transition: 409,
    measure_not_verifiable: 409,
    measure_verified_in_future: 400,
    unknown_measure_link_type: 400,
  },
  messages: { sv, en },
});
