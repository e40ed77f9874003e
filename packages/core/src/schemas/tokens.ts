import { z } from 'zod';
import { text } from './common.js';

export const tokenScope = z.enum(['read', 'write']);

export const apiTokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  scope: tokenScope,
  userId: z.uuid(),
  userName: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const createTokenBody = z.object({
  name: text(100),
  scope: tokenScope,
  expiresInDays: z.number().int().min(1).max(730).nullish(),
});

export const createdToken = z.object({ token: apiTokenView, secret: z.string() });
