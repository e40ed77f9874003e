import { z } from 'zod';
import { text, locale } from './common.js';
import { defineList, listQuery } from './list.js';
import { roles } from '../permissions.js';
import { roleAssignmentView } from './auth.js';

export const userStatus = z.enum(['invited', 'active', 'disabled']);

export const userView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  status: userStatus,
  locale,
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  roles: z.array(roleAssignmentView),
});
export type UserView = z.infer<typeof userView>;

export const userList = defineList({
  name: 'users',
  path: '/api/v1/users',
  sorts: { name: 'text', email: 'text', createdAt: 'time', lastLoginAt: 'time' },
  defaultSort: 'name',
  idType: 'uuid',
  search: true,
  filters: {
    status: userStatus.optional(),
    role: z.enum(roles).optional(),
    unitId: z.uuid().optional(),
  },
});
export const userListQuery = listQuery(userList);

export const inviteUserBody = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  name: text(200),
  role: z.enum(roles),
  unitId: z.uuid(),
});

/** The one-time link is returned so an admin can pass it on when no mail server is configured. */
/** `link` is shown only when no mail server is set up; a mailed link reaches only its addressee. */
export const linkResponse = z.object({ user: userView, link: z.string().nullable(), mailed: z.boolean() });

export const updateUserBody = z.object({
  name: text(200).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

export const grantRoleBody = z.object({ role: z.enum(roles), unitId: z.uuid() });
