/**
 * Aspects in code: C I A T (shown as K R T S in Swedish). Kept free of zod so that the rules the
 * browser runs live do not pull the schema library into the page.
 */
export const aspectKeys = ['C', 'I', 'A', 'T'] as const;
export type AspectKey = (typeof aspectKeys)[number];
