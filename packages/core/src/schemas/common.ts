import { z } from 'zod';

export const uuid = z.uuid();
export const idParams = z.object({ id: z.uuid() });

/** Trimmed, non-empty text with an upper bound, so huge strings are refused as 4xx. */
export const text = (max = 200) => z.string().trim().min(1).max(max);
export const optionalText = (max = 2000) => z.string().trim().max(max).nullish();

/** Pagination, sorting and filtering are done the same way on every list endpoint. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  sort: z
    .string()
    .regex(/^-?[a-zA-Z_]+$/)
    .max(60)
    .optional(),
  q: z.string().trim().max(200).optional(),
});
export type PageQuery = z.infer<typeof pageQuery>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const isoDateTime = z.string();
export const locale = z.enum(['sv', 'en']);
export type Locale = z.infer<typeof locale>;

export const okResponse = z.object({ ok: z.literal(true) });

/**
 * The version of an editable object, raised by the database on every edit. The API also sends it
 * as the ETag header; a change must send it back as `If-Match: "<rowVersion>"` (412 when stale).
 */
export const rowVersion = z.number().int().positive().describe('Versionen som ändringen utgår från (ETag / If-Match)');
