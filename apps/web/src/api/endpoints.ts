import type { Page, SessionView } from '@tillit/core';
import { request } from './client';
import type {
  AcceptInvitationBody,
  ApiTokenView,
  AuditEventView,
  AuditListQuery,
  AuditVerifyResult,
  AuditVocabularyView,
  ChangePasswordBody,
  CreatedOrganization,
  CreatedToken,
  CreateOrganizationBody,
  CreateTokenBody,
  CreateUnitBody,
  DashboardView,
  GrantRoleBody,
  InvitationInfo,
  InviteUserBody,
  LinkResponse,
  LoginBody,
  MoveUnitBody,
  OrganizationView,
  UnitView,
  UpdateOrganizationBody,
  UpdateProfileBody,
  UpdateUnitBody,
  UpdateUserBody,
  UserListQuery,
  UserView,
} from './types';

const id = (value: string) => encodeURIComponent(value);

/** One function per endpoint of docs/api-foundation.md. Features never write URLs themselves. */
export const api = {
  auth: {
    login: (body: LoginBody) => request<SessionView>('POST', '/auth/login', { body }),
    logout: () => request<void>('POST', '/auth/logout'),
    session: () => request<SessionView>('GET', '/auth/session'),
    changePassword: (body: ChangePasswordBody) => request<void>('POST', '/auth/password', { body }),
    updateProfile: (body: UpdateProfileBody) => request<void>('PATCH', '/auth/profile', { body }),
    linkInfo: (token: string) => request<InvitationInfo>('GET', `/auth/links/${id(token)}`),
    acceptLink: (body: AcceptInvitationBody) => request<SessionView>('POST', '/auth/links/accept', { body }),
  },
  organization: {
    get: () => request<OrganizationView>('GET', '/organization'),
    update: ({ body, version }: { body: UpdateOrganizationBody; version: number }) =>
      request<OrganizationView>('PATCH', '/organization', { body, ifMatch: version }),
  },
  organizations: {
    list: () => request<OrganizationView[]>('GET', '/organizations'),
    create: (body: CreateOrganizationBody) => request<CreatedOrganization>('POST', '/organizations', { body }),
  },
  units: {
    list: (query: { includeClosed?: boolean } = {}) =>
      request<UnitView[]>('GET', '/units', { query: { includeClosed: query.includeClosed ? 'true' : undefined } }),
    get: (unitId: string) => request<UnitView>('GET', `/units/${id(unitId)}`),
    create: (body: CreateUnitBody) => request<UnitView>('POST', '/units', { body }),
    update: (unitId: string, body: UpdateUnitBody, version: number) =>
      request<UnitView>('PATCH', `/units/${id(unitId)}`, { body, ifMatch: version }),
    move: (unitId: string, body: MoveUnitBody) => request<UnitView>('POST', `/units/${id(unitId)}/move`, { body }),
    close: (unitId: string) => request<UnitView>('POST', `/units/${id(unitId)}/close`),
    reopen: (unitId: string) => request<UnitView>('POST', `/units/${id(unitId)}/reopen`),
    remove: (unitId: string) => request<void>('DELETE', `/units/${id(unitId)}`),
  },
  users: {
    list: (query: UserListQuery = {}) => request<Page<UserView>>('GET', '/users', { query: { ...query } }),
    get: (userId: string) => request<UserView>('GET', `/users/${id(userId)}`),
    invite: (body: InviteUserBody) => request<LinkResponse>('POST', '/users', { body }),
    update: (userId: string, body: UpdateUserBody, version: number) =>
      request<UserView>('PATCH', `/users/${id(userId)}`, { body, ifMatch: version }),
    grantRole: (userId: string, body: GrantRoleBody) => request<UserView>('POST', `/users/${id(userId)}/roles`, { body }),
    revokeRole: (userId: string, assignmentId: string) => request<UserView>('DELETE', `/users/${id(userId)}/roles/${id(assignmentId)}`),
    resetPassword: (userId: string) => request<LinkResponse>('POST', `/users/${id(userId)}/reset-password`),
    unlock: (userId: string) => request<UserView>('POST', `/users/${id(userId)}/unlock`),
  },
  audit: {
    list: (query: AuditListQuery = {}) => request<Page<AuditEventView>>('GET', '/audit-events', { query: { ...query } }),
    verify: (full = false) => request<AuditVerifyResult>('POST', '/audit-events/verify', { body: { full } }),
    vocabulary: () => request<AuditVocabularyView>('GET', '/audit-events/vocabulary'),
  },
  tokens: {
    list: () => request<ApiTokenView[]>('GET', '/api-tokens'),
    create: (body: CreateTokenBody) => request<CreatedToken>('POST', '/api-tokens', { body }),
    revoke: (tokenId: string) => request<void>('DELETE', `/api-tokens/${id(tokenId)}`),
  },
  dashboard: {
    get: () => request<DashboardView>('GET', '/dashboard'),
  },
};
