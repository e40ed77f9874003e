// Types only: runtime code imports core's subpaths (permissions, messages, rules) so the
// schemas and zod stay out of the browser bundle.
import type { z } from 'zod';
import type {
  acceptInvitationBody,
  apiTokenView,
  auditEventView,
  auditListQuery,
  auditVerifyResult,
  auditVocabularyView,
  changePasswordBody,
  createdToken,
  createOrganizationBody,
  createTokenBody,
  createUnitBody,
  dashboardView,
  grantRoleBody,
  invitationInfo,
  inviteUserBody,
  linkResponse,
  loginBody,
  moveUnitBody,
  organizationView,
  orgKind,
  tokenScope,
  unitView,
  updateOrganizationBody,
  updateProfileBody,
  updateUnitBody,
  updateUserBody,
  userListQuery,
  userStatus,
  userView,
} from '@tillit/core';

// Requests use the schemas' input types (before defaults and transforms), answers their output types.
export type LoginBody = z.input<typeof loginBody>;
export type ChangePasswordBody = z.input<typeof changePasswordBody>;
export type AcceptInvitationBody = z.input<typeof acceptInvitationBody>;
export type UpdateProfileBody = z.input<typeof updateProfileBody>;
export type InvitationInfo = z.infer<typeof invitationInfo>;

export type OrganizationView = z.infer<typeof organizationView>;
export type OrgKind = z.infer<typeof orgKind>;
export type UpdateOrganizationBody = z.input<typeof updateOrganizationBody>;
export type CreateOrganizationBody = z.input<typeof createOrganizationBody>;
/** POST /organizations: the new organisation and the one-time link for its first administrator. */
export interface CreatedOrganization {
  organization: OrganizationView;
  adminLink: string | null;
  mailed?: boolean;
}

export type UnitView = z.infer<typeof unitView>;
export type CreateUnitBody = z.input<typeof createUnitBody>;
export type UpdateUnitBody = z.input<typeof updateUnitBody>;
export type MoveUnitBody = z.input<typeof moveUnitBody>;

export type UserView = z.infer<typeof userView>;
export type UserStatus = z.infer<typeof userStatus>;
// z.coerce makes the paging fields `unknown` on input; the client always sends numbers.
// `cursor` is a page's nextCursor/prevCursor (or `last`), kept in the address like the filters.
type Paging = { page?: number; pageSize?: number; sort?: string; cursor?: string };
export type UserListQuery = Omit<z.input<typeof userListQuery>, 'page' | 'pageSize' | 'sort' | 'cursor'> & Paging;
export type InviteUserBody = z.input<typeof inviteUserBody>;
export type UpdateUserBody = z.input<typeof updateUserBody>;
export type GrantRoleBody = z.input<typeof grantRoleBody>;
export type LinkResponse = z.infer<typeof linkResponse>;

export type AuditEventView = z.infer<typeof auditEventView>;
export type AuditListQuery = Omit<z.input<typeof auditListQuery>, 'page' | 'pageSize' | 'sort' | 'cursor'> & Paging;
export type AuditVerifyResult = z.infer<typeof auditVerifyResult>;
export type AuditVocabularyView = z.infer<typeof auditVocabularyView>;

export type ApiTokenView = z.infer<typeof apiTokenView>;
export type TokenScope = z.infer<typeof tokenScope>;
export type CreateTokenBody = z.input<typeof createTokenBody>;
export type CreatedToken = z.infer<typeof createdToken>;

export type DashboardView = z.infer<typeof dashboardView>;
