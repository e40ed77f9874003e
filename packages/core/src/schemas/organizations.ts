import { z } from 'zod';
import { isValidOrgNumber, normalizeOrgNumber } from '../rules/orgnr.js';
import { text, rowVersion } from './common.js';

export const orgKind = z.enum(['region', 'municipality', 'other']);

export const orgNumber = z
  .string()
  .trim()
  .max(20)
  .refine((v) => isValidOrgNumber(v), { message: 'invalid_org_number' })
  .transform((v) => normalizeOrgNumber(v) as string);

export const organizationView = z.object({
  rowVersion,
  id: z.uuid(),
  name: z.string(),
  orgNumber: z.string(),
  kind: orgKind,
  rootUnitId: z.uuid(),
  createdAt: z.string(),
});
export type OrganizationView = z.infer<typeof organizationView>;

export const createOrganizationBody = z.object({
  name: text(200),
  orgNumber,
  kind: orgKind,
  admin: z.object({
    email: z.string().trim().toLowerCase().email().max(254),
    name: text(200),
  }),
});

export const updateOrganizationBody = z.object({
  name: text(200).optional(),
  orgNumber: orgNumber.optional(),
  kind: orgKind.optional(),
});
