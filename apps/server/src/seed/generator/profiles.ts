import type { Role } from '@tillit/core';
import profiles from '../data/generator-profiles.json' with { type: 'json' };
import { ascii, distinct, municipalityName, orgNumber, placeName, regionName } from './names.js';
import { createRandom } from './random.js';
import type { Sizes } from './steps.js';

export const generatedProfiles = ['stor', 'nationell'] as const;
export type GeneratedProfile = (typeof generatedProfiles)[number];

export interface OrgPlan {
  name: string;
  orgNumber: string;
  kind: 'region' | 'municipality';
  domain: string;
}

export interface KnownUser {
  local: string;
  name: string;
  role: Role;
  unit: 'root' | 'administration' | 'operation';
  platformAdmin?: boolean;
}

export interface ProfilePlan {
  profile: GeneratedProfile;
  password: string;
  years: number;
  sizes: Sizes;
  organizations: OrgPlan[];
  knownUsers: KnownUser[];
}

/**
 * The organisations a profile creates. `scale` multiplies every size but the administrations: below
 * 1 it shrinks them (tests), `--scale 5` gives five times Region Stor in its one organisation
 * (issue 15). Names and numbers depend only on the seed, the data on the seed and the scale.
 */
export function planProfile(profile: GeneratedProfile, seed: number, scale = 1): ProfilePlan {
  const spec = profiles[profile];
  const sizes = Object.fromEntries(
    Object.entries(spec.sizes).map(([k, v]) => [k, k === 'administrations' ? v : Math.max(1, Math.round(v * scale))]),
  ) as Sizes;
  // A tree needs its root and every administration before any operation.
  sizes.units = Math.max(sizes.units, sizes.administrations + 1);
  const known = profiles.knownUsers as KnownUser[];
  sizes.users = Math.max(sizes.users, known.length);
  const base = { profile, password: spec.password, years: spec.years, sizes, knownUsers: known };
  if (profile === 'stor') return { ...base, organizations: profiles.stor.organizations as OrgPlan[] };

  const n = profiles.nationell;
  const rng = createRandom(seed, 'nationell/names');
  const regionCount = Math.max(1, Math.round(n.regions * Math.min(1, scale * 10)));
  const municipalityCount = Math.max(1, Math.round(n.municipalities * Math.min(1, scale * 10)));
  const regions = distinct(regionCount, () => regionName(rng)).map<OrgPlan>((name, i) => ({
    name,
    kind: 'region',
    orgNumber: orgNumber(`232100${String(200 + i).padStart(3, '0')}`),
    domain: `${ascii(name)}.example`,
  }));
  const municipalities = distinct(municipalityCount, () => municipalityName(placeName(rng))).map<OrgPlan>((name, i) => ({
    name,
    kind: 'municipality',
    orgNumber: orgNumber(`212000${String(100 + i).padStart(3, '0')}`),
    domain: `${ascii(name)}.example`,
  }));
  return { ...base, organizations: [...regions, ...municipalities] };
}
