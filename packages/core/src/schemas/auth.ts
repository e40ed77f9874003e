import { z } from 'zod';
import { locale } from './common.js';
import { permissions, roles } from '../permissions.js';

export const passwordPolicy = z.string().min(12).max(200);

export const loginBody = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
  /** Needed only when the address exists in several organisations (the answer `organization_required` says so). */
  organizationId: z.uuid().optional(),
});

export const roleAssignmentView = z.object({
  id: z.uuid(),
  role: z.enum(roles),
  unitId: z.uuid(),
  unitName: z.string(),
});
export type RoleAssignmentView = z.infer<typeof roleAssignmentView>;

export const sessionView = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    locale,
    organizationId: z.uuid(),
    organizationName: z.string(),
    isPlatformAdmin: z.boolean(),
    mustChangePassword: z.boolean(),
  }),
  roles: z.array(roleAssignmentView),
  /** Permissions the user holds somewhere in the organisation; the UI uses them to show only what the user may use. */
  permissions: z.array(z.enum(permissions)),
  csrfToken: z.string(),
});
export type SessionView = z.infer<typeof sessionView>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordPolicy,
});

export const acceptInvitationBody = z.object({
  token: z.string().min(20).max(200),
  password: passwordPolicy,
});

export const invitationInfo = z.object({
  email: z.string(),
  name: z.string(),
  organizationName: z.string(),
  purpose: z.enum(['invitation', 'password_reset']),
});

export const updateProfileBody = z.object({ locale });
