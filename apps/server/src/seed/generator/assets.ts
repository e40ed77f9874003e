import {
  aspectKeys,
  derive,
  formatProfile,
  informationTypePreset,
  klassaPresetModel,
  NOT_RELEVANT,
  type Answer,
  type AspectKey,
  type PersonalDataKind,
  type Profile,
} from '@tillit/core';
import data from '../data/demo-assets.json' with { type: 'json' };
import type { Random } from './random.js';
import type { GeneratedUser, GeneratorContext, GeneratorStep } from './steps.js';

/**
 * Information assets for generated organisations (Region Stor: 1,000 systems, 10,000 information
 * sets, 25,000 classification versions with history). Names and profiles come from the demo
 * region's data file, spread over the organisation's units; levels are derived with the shipped
 * model exactly as the service does, and the stored system levels are the max over processed sets.
 * Sizes: `systems`, `informationSets`, `classifications`.
 */
const DAY = 86_400_000;
const pgArray = (xs: readonly string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, (c) => '\\' + c)}"`).join(',')}}`;
const typeByKey = new Map(informationTypePreset.types.map((t) => [t.key, t]));

interface Version {
  id: string;
  assetId: string;
  status: 'draft' | 'submitted' | 'returned' | 'approved';
  at: Date;
  profile: Profile;
  special: boolean;
  deviates: boolean;
  answers: Record<string, Record<string, Answer>>;
  superseded: Date | null;
  author: string | null;
  decider: string | null;
}

interface Asset {
  id: string;
  kind: 'system' | 'process' | 'information_set';
  name: string;
  unitId: string;
  personalData: string;
  lifecycle: string;
  createdAt: Date;
  target: Profile;
  typeId: string | null;
  /** The information type's recommendation (sets only): a version that ends elsewhere says why. */
  typeRecommended: Profile | null;
  steward: GeneratedUser | undefined;
  owner: GeneratedUser | undefined;
  template: (typeof data.systems)[number] | null;
  versions: Version[];
  sets: Asset[];
}

/** The category that usually sets each aspect's level, and the ones that often come close to it. */
const LEADING: Record<AspectKey, string> = { C: 'privacy', I: 'operations', A: 'operations', T: 'legal' };
const CLOSE: Record<AspectKey, readonly string[]> = {
  C: ['trust', 'legal'],
  I: ['legal', 'economy'],
  A: ['society', 'economy'],
  T: ['trust', 'privacy'],
};
const CATEGORIES = klassaPresetModel.categories.map((c) => c.key);

/**
 * Every category of every aspect assessed, as the method requires (issue 9, item 3): the leading
 * category at the aspect's level, close ones at or just below it, the rest lower or "ej relevant";
 * life and health counts for patient data. The worst answer is the level, so the profile holds.
 */
function answersFor(rng: Random, profile: Profile, personalData: string) {
  const answers: Record<string, Record<string, Answer>> = {};
  for (const a of aspectKeys) {
    const level = profile[a];
    if (level === null) continue;
    const row: Record<string, Answer> = {};
    for (const c of CATEGORIES) {
      if (c === LEADING[a]) row[c] = level;
      else if (level === 0) row[c] = rng.chance(0.7) ? NOT_RELEVANT : 0;
      else if (CLOSE[a].includes(c) || (c === 'life_health' && personalData === 'patient')) row[c] = rng.int(Math.max(0, level - 1), level);
      else row[c] = rng.chance(0.5) ? NOT_RELEVANT : rng.int(0, level - 1);
    }
    answers[a] = row;
  }
  return answers;
}

function lifecycleOf(rng: Random) {
  return rng.weighted([
    { weight: 85, value: 'in_use' },
    { weight: 5, value: 'planned' },
    { weight: 6, value: 'phasing_out' },
    { weight: 4, value: 'retired' },
  ]);
}

/** Approved about yearly from creation to a recent approval, sometimes with work in progress on top. */
function timeline(rng: Random, ctx: GeneratorContext, createdAt: Date): { status: Version['status']; at: Date }[] {
  const until = ctx.until.getTime();
  const r = rng.next();
  if (r < 0.08) return [];
  if (r < 0.15) return [{ status: rng.pick(['draft', 'submitted'] as const), at: new Date(until - rng.int(1, 60) * DAY) }];
  let current = Math.max(createdAt.getTime() + rng.int(7, 30) * DAY, until - rng.int(1, 480) * DAY);
  current = Math.min(current, until - DAY);
  const out: { status: Version['status']; at: Date }[] = [{ status: 'approved', at: new Date(current) }];
  for (let t = current - rng.int(280, 420) * DAY; t > createdAt.getTime(); t -= rng.int(280, 420) * DAY)
    out.unshift({ status: 'approved', at: new Date(t) });
  if (rng.chance(0.1))
    out.push({
      status: rng.pick(['draft', 'submitted', 'returned'] as const),
      at: new Date(Math.max(current + DAY, until - rng.int(1, 30) * DAY)),
    });
  return out;
}

function perturb(rng: Random, p: Profile): Profile {
  if (!rng.chance(0.3)) return p;
  const a = rng.pick(aspectKeys);
  const v = p[a];
  return v === null ? p : { ...p, [a]: Math.max(0, Math.min(3, v + (rng.chance(0.5) ? 1 : -1))) };
}

async function run(ctx: GeneratorContext) {
  const systemsN = ctx.sizes.systems ?? 0;
  const setsN = ctx.sizes.informationSets ?? 0;
  if (!systemsN && !setsN) return;
  const rng = ctx.random('assets');
  const org = ctx.organization.id;
  const span = ctx.until.getTime() - ctx.since.getTime();

  const modelId = rng.uuid();
  await ctx.trx
    .insertInto('classification_models')
    .values({
      id: modelId,
      organization_id: org,
      version: 1,
      definition: JSON.stringify(klassaPresetModel),
      note: 'Förinställd modell',
      is_current: true,
      created_by: null,
      created_at: ctx.since,
    })
    .execute();
  const typeIds = new Map<string, string>();
  for (const t of informationTypePreset.types) {
    const id = rng.uuid();
    typeIds.set(t.key, id);
    await ctx.trx
      .insertInto('information_types')
      .values({
        id,
        organization_id: org,
        key: t.key,
        name: t.name,
        description: t.description ?? null,
        personal_data: t.personalData,
        rec_c: t.recommended.C,
        rec_i: t.recommended.I,
        rec_a: t.recommended.A,
        rec_t: t.recommended.T,
        justification: t.justification ?? null,
        created_at: ctx.since,
        updated_at: ctx.since,
      })
      .execute();
  }

  const places = ctx.units.filter((u) => u.kind !== 'organization');
  const active = ctx.users.filter((u) => u.status === 'active');
  const withRole = (role: string) => {
    const found = active.filter((u) => u.grants.some((g) => g.role === role));
    return found.length ? found : active;
  };
  const owners = withRole('information_owner');
  const stewards = withRole('system_steward');
  const when = () => new Date(ctx.since.getTime() + rng.next() * span * 0.8);

  const processors: Asset[] = [];
  const systemTemplates = data.systems.filter((s) => s.kind === 'system');
  const processTemplates = data.systems.filter((s) => s.kind === 'process');
  const processesN = Math.round(systemsN / 20);
  for (let i = 0; i < systemsN + processesN; i++) {
    const isProcess = i >= systemsN;
    const template = isProcess ? processTemplates[i % processTemplates.length]! : systemTemplates[i % systemTemplates.length]!;
    const unit = rng.pick(places);
    processors.push({
      id: rng.uuid(),
      kind: isProcess ? 'process' : 'system',
      name: i < systemTemplates.length && !isProcess ? template.name : `${template.name} – ${unit.name}`,
      unitId: unit.id,
      personalData: template.personalData,
      lifecycle: lifecycleOf(rng),
      createdAt: when(),
      target: { C: null, I: null, A: null, T: null },
      typeId: null,
      typeRecommended: null,
      steward: rng.pick(stewards),
      owner: rng.pick(owners),
      template,
      versions: [],
      sets: [],
    });
  }
  const systemsOnly = processors.filter((p) => p.kind === 'system');
  const sets: Asset[] = [];
  for (let i = 0; i < setsN; i++) {
    const template = data.sets[i % data.sets.length]!;
    const type = typeByKey.get(template.type)!;
    // Skewed: a few systems (the journal, the e-mail) process very many sets.
    const primary = systemsOnly[Math.floor(rng.next() ** 2 * systemsOnly.length)]!;
    const personalData = ('personalData' in template ? template.personalData : type.personalData) as string;
    const set: Asset = {
      id: rng.uuid(),
      kind: 'information_set',
      name: `${template.name} – ${primary.name}`,
      unitId: primary.unitId,
      personalData,
      lifecycle: rng.chance(0.03) ? 'retired' : 'in_use',
      createdAt: new Date(Math.max(primary.createdAt.getTime(), when().getTime())),
      target: derive(klassaPresetModel, {
        personalData: personalData as PersonalDataKind,
        typeRecommended: ('profile' in template ? template.profile : type.recommended) as Profile,
      }).profile,
      typeId: typeIds.get(template.type) ?? null,
      typeRecommended: typeIds.has(template.type) ? (type.recommended as Profile) : null,
      steward: primary.steward,
      owner: primary.owner,
      template: null,
      versions: [],
      sets: [],
    };
    sets.push(set);
    primary.sets.push(set);
    // About one set in a hundred (accounts, logs, backups) is processed by dozens of systems.
    const extra = rng.chance(0.01) ? rng.int(30, 80) : rng.int(0, 2);
    for (let k = 0; k < extra; k++) {
      const other = rng.pick(processors);
      if (!other.sets.includes(set)) other.sets.push(set);
    }
  }

  // Versions, oldest first; the last approved one is current.
  const versions: Version[] = [];
  const addVersions = (asset: Asset, profileAt: () => Profile) => {
    for (const step of timeline(rng, ctx, asset.createdAt)) {
      const answers = answersFor(rng, profileAt(), asset.personalData);
      const d = derive(klassaPresetModel, {
        answers,
        personalData: asset.personalData as PersonalDataKind,
        typeRecommended: asset.typeRecommended,
      });
      const v: Version = {
        id: rng.uuid(),
        assetId: asset.id,
        status: step.status,
        at: step.at,
        profile: d.profile,
        special: d.specialAnalysis,
        deviates: d.deviatesFromType,
        answers,
        superseded: null,
        author: asset.steward?.id ?? null,
        decider: step.status === 'approved' || step.status === 'returned' ? (asset.owner?.id ?? null) : null,
      };
      const previous = asset.versions.filter((x) => x.status === 'approved').at(-1);
      if (previous && v.status === 'approved') previous.superseded = v.at;
      asset.versions.push(v);
      versions.push(v);
    }
  };
  for (const s of sets) addVersions(s, () => perturb(rng, s.target));
  const approvedOf = (a: Asset) => a.versions.filter((v) => v.status === 'approved').at(-1);
  for (const p of processors) {
    const inherited: Profile = { C: null, I: null, A: null, T: null };
    for (const s of p.sets) {
      const v = s.lifecycle === 'retired' ? undefined : approvedOf(s);
      if (v)
        for (const a of aspectKeys)
          if (v.profile[a] !== null && (inherited[a] === null || v.profile[a]! > inherited[a]!)) inherited[a] = v.profile[a];
    }
    p.target = Object.fromEntries(aspectKeys.map((a) => [a, inherited[a] ?? 1])) as Profile;
    addVersions(p, () => (rng.chance(0.03) ? { ...p.target, A: Math.min(3, (p.target.A ?? 1) + 1) } : p.target));
  }
  // Trim the oldest history down to the profile's count of classification versions.
  const target = ctx.sizes.classifications ?? versions.length;
  const history = versions.filter((v) => v.superseded).sort((a, b) => a.at.getTime() - b.at.getTime());
  const drop = new Set(history.slice(0, Math.max(0, versions.length - target)).map((v) => v.id));

  const all = [...processors, ...sets];
  const rows = all.map((a) => {
    const current = approvedOf(a);
    const approved = current?.profile ?? null;
    let derived: Profile | null = null;
    if (a.kind !== 'information_set') {
      derived = { C: null, I: null, A: null, T: null };
      for (const s of a.sets) {
        const v = s.lifecycle === 'retired' ? undefined : approvedOf(s);
        if (v)
          for (const k of aspectKeys)
            if (v.profile[k] !== null && (derived[k] === null || v.profile[k]! > derived[k]!)) derived[k] = v.profile[k];
      }
    }
    const level = (k: (typeof aspectKeys)[number]) => {
      const xs = [approved?.[k], derived?.[k]].filter((x): x is number => typeof x === 'number');
      return xs.length ? Math.max(...xs) : null;
    };
    const special =
      Boolean(current?.special) ||
      (a.kind !== 'information_set' && a.sets.some((s) => s.lifecycle !== 'retired' && approvedOf(s)?.special));
    const hosting = a.template?.hosting ?? null;
    return [
      a.id,
      org,
      a.kind,
      a.name,
      a.template?.description ?? null,
      a.unitId,
      a.owner?.id ?? null,
      a.owner?.id ?? null,
      a.steward?.id ?? null,
      a.template?.supplier ?? null,
      hosting,
      hosting === 'saas' ? 'unknown' : 'no',
      pgArray([]),
      a.personalData,
      a.lifecycle,
      `${a.kind === 'information_set' ? 'INF' : a.kind === 'process' ? 'PRC' : 'SYS'}-${a.id.slice(0, 8)}`,
      pgArray(a.template?.tags ?? []),
      a.typeId,
      approved?.C ?? null,
      approved?.I ?? null,
      approved?.A ?? null,
      approved?.T ?? null,
      derived?.C ?? null,
      derived?.I ?? null,
      derived?.A ?? null,
      derived?.T ?? null,
      level('C'),
      level('I'),
      level('A'),
      level('T'),
      special,
      current?.at ?? null,
      current ? new Date(current.at.getTime() + 365 * DAY) : null,
      a.steward?.id ?? null,
      a.createdAt,
      current?.at ?? a.createdAt,
    ] as const;
  });
  await ctx.copy(
    'assets',
    [
      'id',
      'organization_id',
      'kind',
      'name',
      'description',
      'unit_id',
      'information_owner_id',
      'system_owner_id',
      'system_steward_id',
      'supplier',
      'hosting',
      'third_country_transfer',
      'third_countries',
      'personal_data',
      'lifecycle',
      'external_id',
      'tags',
      'information_type_id',
      'approved_c',
      'approved_i',
      'approved_a',
      'approved_t',
      'derived_c',
      'derived_i',
      'derived_a',
      'derived_t',
      'level_c',
      'level_i',
      'level_a',
      'level_t',
      'special_analysis',
      'approved_at',
      'review_due_at',
      'created_by',
      'created_at',
      'updated_at',
    ],
    rows,
  );
  await ctx.copy(
    'asset_links',
    ['organization_id', 'asset_id', 'information_set_id', 'created_at'],
    processors.flatMap((p) => p.sets.map((s) => [org, p.id, s.id, s.createdAt] as const)),
  );
  const integrations = systemsOnly
    .flatMap((s) =>
      rng.chance(0.6)
        ? [[rng.uuid(), org, s.id, rng.pick(systemsOnly).id, 'Uppgifter skickas vid varje ändring', s.createdAt, s.createdAt] as const]
        : [],
    )
    .filter((r) => r[2] !== r[3]);
  await ctx.copy(
    'asset_integrations',
    ['id', 'organization_id', 'from_asset_id', 'to_asset_id', 'description', 'created_at', 'updated_at'],
    integrations,
  );

  const byId = new Map(all.map((a) => [a.id, a]));
  const numbered = new Map<string, number>();
  const kept = versions.filter((v) => !drop.has(v.id)).sort((a, b) => a.at.getTime() - b.at.getTime());
  await ctx.copy(
    'classification_versions',
    [
      'id',
      'organization_id',
      'asset_id',
      'version_no',
      'model_id',
      'status',
      'answers',
      'justifications',
      'raises',
      'type_deviation_reason',
      'personal_data',
      'information_type_id',
      'level_c',
      'level_i',
      'level_a',
      'level_t',
      'special_analysis',
      'author_id',
      'contributor_ids',
      'submitted_by',
      'submitted_at',
      'decided_by',
      'decided_at',
      'approved_at',
      'review_due_at',
      'superseded_at',
      'created_at',
      'updated_at',
    ],
    kept.map((v) => {
      const a = byId.get(v.assetId)!;
      const no = (numbered.get(a.id) ?? 0) + 1;
      numbered.set(a.id, no);
      const justifications = Object.fromEntries(
        aspectKeys.filter((k) => (v.profile[k] ?? 0) >= 2).map((k) => [k, 'Bedömd utifrån verksamhetens konsekvenser.']),
      );
      const created = new Date(v.at.getTime() - 3 * DAY);
      return [
        v.id,
        org,
        a.id,
        no,
        modelId,
        v.status,
        v.answers,
        justifications,
        {},
        v.deviates ? 'Verksamhetens bedömning skiljer sig från informationstypens rekommendation.' : null,
        a.personalData,
        a.typeId,
        v.profile.C,
        v.profile.I,
        v.profile.A,
        v.profile.T,
        v.special,
        v.author,
        pgArray(v.author ? [v.author] : []),
        v.status === 'draft' ? null : v.author,
        v.status === 'draft' ? null : created,
        v.decider,
        v.decider ? v.at : null,
        v.status === 'approved' ? v.at : null,
        v.status === 'approved' ? new Date(v.at.getTime() + 365 * DAY) : null,
        v.superseded,
        created,
        v.at,
      ] as const;
    }),
  );
  await ctx.client.query(
    `update assets a set current_version_id = v.id from classification_versions v
     where a.organization_id = $1 and v.asset_id = a.id and v.status = 'approved' and v.superseded_at is null`,
    [org],
  );
  await ctx.client.query(
    `update assets a set open_version_id = v.id, work_status = v.status from classification_versions v
     where a.organization_id = $1 and v.asset_id = a.id and v.status <> 'approved'`,
    [org],
  );

  for (const a of all) {
    const actor = a.steward ? { id: a.steward.id, name: a.steward.name } : { id: null, name: 'Tillit (system)' };
    ctx.audit.record({
      occurredAt: a.createdAt,
      actor,
      action: 'create',
      entityType: 'asset',
      entityId: a.id,
      entityLabel: a.name,
      unitId: a.unitId,
    });
  }
  for (const v of kept) {
    if (v.status !== 'approved' || !v.decider) continue;
    const a = byId.get(v.assetId)!;
    ctx.audit.record({
      occurredAt: v.at,
      actor: { id: v.decider, name: a.owner?.name ?? '' },
      action: 'approve',
      entityType: 'classification',
      entityId: v.id,
      entityLabel: a.name,
      unitId: a.unitId,
      changes: { profile: { after: formatProfile(klassaPresetModel, v.profile) } },
    });
  }
  ctx.log.info({ assets: all.length, links: processors.reduce((n, p) => n + p.sets.length, 0), versions: kept.length }, 'assets generated');
}

/** Declared in the assets module's manifest (`generator`). */
export const assetsGeneratorStep: GeneratorStep = { name: 'assets', run };
