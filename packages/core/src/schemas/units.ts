import { z } from 'zod';
import { text, optionalText, rowVersion } from './common.js';

export const unitKind = z.enum(['organization', 'administration', 'operation', 'unit']);
export type UnitKind = z.infer<typeof unitKind>;

export const unitView = z.object({
  rowVersion,
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  kind: unitKind,
  description: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UnitView = z.infer<typeof unitView>;

export const createUnitBody = z.object({
  parentId: z.uuid(),
  name: text(200),
  kind: unitKind.exclude(['organization']),
  description: optionalText(2000),
});

export const updateUnitBody = z.object({
  name: text(200).optional(),
  kind: unitKind.exclude(['organization']).optional(),
  description: optionalText(2000),
});

export const moveUnitBody = z.object({ parentId: z.uuid() });

export const unitListQuery = z.object({
  includeClosed: z
    .enum(['true', 'false'])
    .prefault('false')
    .transform((v) => v === 'true'),
});
