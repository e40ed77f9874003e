import { defineCoreModule } from '../define.js';
import access from './permissions.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

/** Action plans' permissions, error codes and server texts. */
export default defineCoreModule({
  name: 'action-plans',
  permissions: access.permissions,
  errors: {
    not_applicable_reason_required: 400,
    plan_superseded: 409,
    asset_not_classified: 409,
    evidence_type_not_allowed: 415,
    evidence_too_large: 413,
    procurement_not_awarded: 409,
    unknown_procurement_requirement: 400,
  },
  messages: { sv, en },
});
