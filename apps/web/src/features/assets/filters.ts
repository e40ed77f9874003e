import {
  assetFilterKeys,
  assetKinds,
  assetSorts,
  hostings,
  lifecycles,
  personalDataKinds,
  reviewStates,
  thirdCountryTransfers,
  workStatuses,
  type AssetFilterKey,
  type AssetFilters,
} from '../../api';

/** Comma lists of enum values: anything unknown in a hand-edited address is dropped, not sent. */
const listValues: Partial<Record<AssetFilterKey, readonly string[]>> = {
  kind: assetKinds,
  lifecycle: lifecycles,
  hosting: hostings,
  personalData: personalDataKinds,
  thirdCountryTransfer: thirdCountryTransfers,
  reviewState: reviewStates,
  workStatus: workStatuses,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idKeys = new Set<AssetFilterKey>([
  'unitId',
  'informationOwnerId',
  'systemOwnerId',
  'systemStewardId',
  'personId',
  'informationTypeId',
  'processesSetId',
  'processedById',
]);

export const personFilterKeys = ['personId', 'informationOwnerId', 'systemOwnerId', 'systemStewardId'] as const;
export type PersonFilterKey = (typeof personFilterKeys)[number];

export function splitList(value: string | undefined): string[] {
  return value ? value.split(',').filter(Boolean) : [];
}

/** The filters in the address, cleaned so that the list and the export get the same valid query. */
export function filtersFromParams(params: URLSearchParams): AssetFilters {
  const out: AssetFilters = {};
  for (const key of assetFilterKeys) {
    const raw = params.get(key)?.trim();
    if (!raw) continue;
    const allowed = listValues[key];
    if (allowed) {
      const values = splitList(raw).filter((v) => allowed.includes(v));
      if (values.length) out[key] = values.join(',');
    } else if (idKeys.has(key)) {
      if (UUID.test(raw)) out[key] = raw;
    } else if (key === 'aspect') {
      if (['C', 'I', 'A', 'T'].includes(raw)) out.aspect = raw;
    } else if (key === 'minLevel') {
      if (/^\d$/.test(raw)) out.minLevel = raw;
    } else if (key === 'specialAnalysis' || key === 'reviewReasons') {
      if (raw === 'true') out[key] = 'true';
    } else {
      out[key] = raw;
    }
  }
  // "aspect ≥ level" needs both halves.
  if (!out.aspect || out.minLevel === undefined) {
    delete out.aspect;
    delete out.minLevel;
  }
  return out;
}

export function sortFromParams(params: URLSearchParams): string {
  const sort = params.get('sort') ?? '';
  return (assetSorts as readonly string[]).includes(sort.replace(/^-/, '')) ? sort : 'name';
}

/** A link to the inventory list with these filters (used by the coverage page and detail pages). */
export function assetListLink(filters: AssetFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const qs = params.toString();
  return qs ? `/assets?${qs}` : '/assets';
}
