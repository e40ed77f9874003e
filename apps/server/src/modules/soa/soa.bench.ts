import type { BenchEndpoint } from '../../platform/bench.js';

/** Issue 10: the statement of applicability exports within 2 s (Region Stor: this year's statement from the generator). */
async function thisYearsVersion(query: (text: string, values?: unknown[]) => Promise<{ id: string }[]>, organizationId: string) {
  const rows = await query(`select id from soa_versions where organization_id = $1 order by year desc limit 1`, [organizationId]);
  if (!rows[0]) throw new Error('bench: the organisation has no statement of applicability (run the generator)');
  return rows[0].id;
}

export const soaBenchEndpoints: BenchEndpoint[] = [
  {
    name: 'soa: export',
    once: true,
    prepare: async (ctx) => ({ path: `/api/v1/soa/${await thisYearsVersion(ctx.query, ctx.organizationId)}/export.xlsx` }),
  },
  {
    name: 'soa: export docx',
    once: true,
    prepare: async (ctx) => ({ path: `/api/v1/soa/${await thisYearsVersion(ctx.query, ctx.organizationId)}/export.docx` }),
  },
];
