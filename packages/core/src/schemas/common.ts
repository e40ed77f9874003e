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

/** A page of a list (see list.ts for the rules of totals and cursors). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    /** Exact up to 10 000; `totalCapped` when there are more ("fler än 10 000"). */
    total: z.number().int(),
    totalCapped: z.boolean(),
    /** The page number when the position is known (offset / pageSize + 1), else 0. */
    page: z.number().int(),
    pageSize: z.number().int(),
    /** Zero-based position of the first item; null when not known (the end of a list with a capped total). */
    offset: z.number().int().nullable(),
    nextCursor: z.string().nullable(),
    prevCursor: z.string().nullable(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  offset: number | null;
  nextCursor: string | null;
  prevCursor: string | null;
}

export const isoDateTime = z.string();
export const locale = z.enum(['sv', 'en']);
export type Locale = z.infer<typeof locale>;

export const okResponse = z.object({ ok: z.literal(true) });
