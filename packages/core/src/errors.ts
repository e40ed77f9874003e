import { mergeOwned, type ModuleErrorCode } from './modules/index.js';

/**
 * Error codes of the API's one error shape `{ error: { code, message, details } }`.
 * The human message for each code lives in the translation files (`errors.<code>`),
 * so the server answers in the user's language and the web app can show the same text.
 */
const centralErrorCodes = {
  validation_failed: 400,
  malformed_request: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_locked: 423,
  too_many_requests: 429,
  database_unavailable: 503,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  edit_conflict: 412,
  if_match_required: 428,
  invalid_org_number: 400,
  duplicate_org_number: 409,
  duplicate_email: 409,
  unit_has_content: 409,
  unit_move_into_own_subtree: 409,
  unit_closed: 409,
  unit_root_immutable: 409,
  invalid_parent_unit: 400,
  invalid_token: 400,
  weak_password: 400,
  wrong_current_password: 400,
  last_admin: 409,
  user_disabled: 403,
  organization_required: 400,
  common_password: 400,
  password_reused: 400,
  role_self_grant: 403,
  role_above_own: 403,
  user_above_own: 403,
  unknown_user: 400,
  unknown_unit: 400,
  asset_self_link: 400,
  asset_link_kind_mismatch: 400,
  information_type_only_for_sets: 400,
  duplicate_external_id: 409,
  asset_has_classification: 409,
  level_out_of_range: 400,
  level_below_derived: 400,
  classification_incomplete: 400,
  classification_not_editable: 409,
  classification_not_submitted: 409,
  classification_open_exists: 409,
  four_eyes_required: 403,
  not_information_owner: 403,
  information_owner_missing: 409,
  level_requires_security_protection: 400,
  check_by_owner: 403,
  import_unreadable_file: 400,
  import_unknown_column: 400,
  import_has_errors: 409,
  import_not_ready: 409,
  import_interrupted: 409,
  import_too_large: 413,
  import_too_many_columns: 413,
  import_cell_too_long: 413,
  import_too_many_cells: 413,
  import_not_undoable: 409,
  import_changed_since: 409,
  import_word_taken: 409,
  unknown_notification_kind: 400,
} as const;
export type ErrorCode = keyof typeof centralErrorCodes | ModuleErrorCode;

/** Every error code with its HTTP status: the ones above and each module's own (modules/<m>/module.ts). */
export const errorCodes = mergeOwned<number>('error code', centralErrorCodes, (m) => m.errors) as Readonly<Record<ErrorCode, number>>;

export interface ApiErrorBody {
  error: {
    code: ErrorCode | string;
    message: string;
    details?: unknown;
  };
}

/** One issue with one field, as reported in `details` of `validation_failed`. */
export interface FieldIssue {
  path: (string | number)[];
  code: string;
  message: string;
}
