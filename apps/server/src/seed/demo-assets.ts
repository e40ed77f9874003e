import { aspectKeys, informationTypePreset, klassaPresetModel, NOT_RELEVANT, type AspectKey, type Profile, type Role } from '@tillit/core';
import type { Trx } from '../db/database.js';
import { systemActor } from '../platform/access.js';
import { createInformationTypesService } from '../modules/information-types/information-types.service.js';
import { makeUser } from './factories.js';
import { linkSets, makeAsset, makeClassification, type ClassificationOverrides } from './factories-assets.js';
import type { DemoExtension } from './demo.js';
import region from './data/region-exempel.json' with { type: 'json' };
import data from './data/demo-assets.json' with { type: 'json' };

/**
 * Region Exempel's information assets: about 45 systems and processes and 120 information sets
 * from `data/demo-assets.json`, classified with the shipped model. Which are approved, due,
 * overdue, submitted, returned or drafts follows from their place in the list, so every start
 * gives the same picture (dates relative to the day the demo is created).
 */
const DAY = 86_400_000;

/** The förvaltning (top-level unit key) each unit key belongs to. */
function topLevelOf(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (specs: { key: string; children?: unknown[] }[], top?: string) => {
    for (const s of specs) {
      out.set(s.key, top ?? s.key);
      if (s.children) walk(s.children as typeof specs, top ?? s.key);
    }
  };
  walk(region.units as { key: string; children?: unknown[] }[]);
  return out;
}

/** The category that carries each aspect's level in the demo answers. */
const MAIN_CATEGORY: Record<AspectKey, (patient: boolean) => string> = {
  C: () => 'privacy',
  I: (patient) => (patient ? 'life_health' : 'operations'),
  A: (patient) => (patient ? 'life_health' : 'operations'),
  T: () => 'legal',
};

function example(aspect: AspectKey, category: string, level: number): string {
  const q = klassaPresetModel.questions.find((x) => x.aspect === aspect && x.category === category);
  return q?.examples.find((e) => e.level === level)?.text.sv ?? klassaPresetModel.levels[level]!.name.sv;
}

/**
 * Answers that reach the given profile by the max rule, every consequence category assessed (the
 * main one at the level, trust one below, the rest lower, harm to society marked "ej relevant"),
 * with a justification from the model's own examples. `partial` answers two categories only: a
 * draft that shows what remains.
 */
function answersFor(profile: Partial<Profile>, patient: boolean, only?: AspectKey[], partial = false) {
  const answers: Record<string, Record<string, number | typeof NOT_RELEVANT>> = {};
  const justifications: Record<string, string> = {};
  for (const a of only ?? aspectKeys) {
    const level = profile[a];
    if (level === null || level === undefined) continue;
    const category = MAIN_CATEGORY[a](patient);
    const rest = partial ? [] : klassaPresetModel.categories.map((c) => c.key).filter((k) => k !== category && k !== 'trust');
    answers[a] = {
      [category]: level,
      trust: Math.max(level - 1, 0),
      ...Object.fromEntries(rest.map((k) => [k, k === 'society' ? NOT_RELEVANT : Math.max(level - 2, 0)])),
    };
    if (level >= klassaPresetModel.justificationFromLevel) justifications[a] = example(a, category, level);
  }
  return { answers, justifications };
}

/** Approved long ago (overdue), nearly a year ago (due within 30 days) or recently (valid). */
function approvedDates(
  state: 'valid' | 'due_soon' | 'overdue',
  i: number,
  now: number,
): Pick<ClassificationOverrides, 'approvedAt' | 'reviewDueAt'> {
  const approvedAt =
    state === 'overdue'
      ? new Date(now - (380 + ((i * 13) % 200)) * DAY)
      : state === 'due_soon'
        ? new Date(now - (360 - (i % 20)) * DAY)
        : new Date(now - (20 + ((i * 37) % 300)) * DAY);
  return { approvedAt, reviewDueAt: new Date(approvedAt.getTime() + 365 * DAY) };
}

type State = 'none' | 'draft' | 'submitted' | 'returned' | 'overdue' | 'due_soon' | 'valid';
const setState = (i: number): State => {
  const s = (['valid', 'valid', 'valid', 'due_soon', 'valid', 'none', 'valid', 'draft', 'valid', 'submitted', 'valid', 'overdue'] as const)[
    i % 12
  ]!;
  return s === 'submitted' && i % 24 === 21 ? 'returned' : s;
};
const systemState = (i: number): State =>
  (['valid', 'valid', 'overdue', 'valid', 'none', 'valid', 'draft', 'due_soon', 'submitted'] as const)[i % 9]!;

export const seedDemoAssets: DemoExtension = async (db, ctx) => {
  const org = ctx.organizationId;
  await createInformationTypesService(db).importPreset(systemActor(org));
  await db.transaction().execute(async (trx) => {
    const unit = (key: string) => ({ ...ctx.units.get(key)!, organization_id: org });
    const people = new Map<string, string>([
      ['forvaltare', ctx.users.get('system_steward')!],
      ['agare', ctx.users.get('information_owner')!],
    ]);
    for (const p of data.people) {
      const user = await makeUser(trx, org, {
        email: p.email,
        name: p.name,
        password: region.password,
        roles: [{ role: p.role as Role, unitId: ctx.units.get(p.unit)!.id }],
      });
      people.set(p.key, user.id);
    }
    // Steward and owner per förvaltning (Medicinsk teknik has its own steward).
    const top = topLevelOf();
    const roleOf = (unitKey: string) => {
      if (unitKey === 'mt') return { steward: people.get('maja')!, owner: people.get('karl')! };
      const t = top.get(unitKey);
      if (t === 'hsf') return { steward: people.get('forvaltare')!, owner: people.get('agare')! };
      if (t === 'ftv') return { steward: people.get('filip')!, owner: people.get('tove')! };
      if (t === 'rs') return { steward: people.get('ida')!, owner: people.get('karl')! };
      return { steward: people.get('hugo')!, owner: people.get('ebba')! };
    };
    const types = new Map(
      (await trx.selectFrom('information_types').select(['id', 'key']).where('organization_id', '=', org).execute()).map((t) => [
        t.key,
        t.id,
      ]),
    );
    const presetTypes = new Map(informationTypePreset.types.map((t) => [t.key, t]));

    const processors = new Map<
      string,
      { id: string; organization_id: string; unitKey: string; raise?: Record<string, { level: number; reason: string }> }
    >();
    for (const [i, s] of data.systems.entries()) {
      const { steward, owner } = roleOf(s.unit);
      const asset = await makeAsset(trx, unit(s.unit), s.kind as 'system' | 'process', {
        name: s.name,
        description: s.description,
        supplier: s.supplier,
        hosting: s.hosting,
        personalData: s.personalData,
        lifecycle: s.lifecycle,
        tags: s.tags,
        externalId: `${s.kind === 'process' ? 'PRC' : 'SYS'}-${String(i + 1).padStart(3, '0')}`,
        thirdCountryTransfer: 'thirdCountries' in s ? 'yes' : s.hosting === 'saas' ? 'unknown' : 'no',
        thirdCountries: 'thirdCountries' in s ? (s.thirdCountries as string[]) : [],
        systemStewardId: steward,
        systemOwnerId: owner,
        informationOwnerId: owner,
      });
      processors.set(s.key, {
        ...asset,
        unitKey: s.unit,
        ...('raise' in s ? { raise: s.raise as Record<string, { level: number; reason: string }> } : {}),
      });
    }

    const now = Date.now();
    for (const [i, s] of data.sets.entries()) {
      const first = processors.get(s.in[0]!)!;
      const { steward, owner } = roleOf(first.unitKey);
      const type = presetTypes.get(s.type)!;
      const personalData = ('personalData' in s ? s.personalData : type.personalData) as string;
      const set = await makeAsset(trx, unit(first.unitKey), 'information_set', {
        name: s.name,
        description: type.description ?? null,
        personalData,
        externalId: `INF-${String(i + 1).padStart(3, '0')}`,
        informationTypeId: types.get(s.type) ?? null,
        informationOwnerId: owner,
        systemStewardId: steward,
        protectedIdentity: 'protectedIdentity' in s && s.protectedIdentity === true,
      });
      // Levels follow when the set is approved; nothing to recompute yet.
      for (const key of s.in) await linkSets(trx, processors.get(key)!, [set.id], { recompute: false });
      const profile = ('profile' in s ? s.profile : type.recommended) as Profile;
      const deviates = aspectKeys.some((a) => profile[a] !== type.recommended[a]);
      const reason = deviates
        ? 'deviationReason' in s
          ? (s.deviationReason as string)
          : 'Informationsmängden bedöms annorlunda än informationstypen utifrån hur den används här.'
        : null;
      await classify(
        trx,
        set,
        setState(i),
        i,
        now,
        { ...answersFor(profile, personalData === 'patient'), typeDeviationReason: reason, authorId: steward, deciderId: owner },
        { ...answersFor(profile, personalData === 'patient', ['C', 'I'], true), authorId: steward },
      );
    }

    for (const [j, key] of [...processors.keys()].entries()) {
      const p = processors.get(key)!;
      const { steward, owner } = roleOf(p.unitKey);
      const derived = await trx
        .selectFrom('assets')
        .select(['derived_c', 'derived_i', 'derived_a', 'derived_t'])
        .where('id', '=', p.id)
        .executeTakeFirstOrThrow();
      const inherited: Profile = { C: derived.derived_c, I: derived.derived_i, A: derived.derived_a, T: derived.derived_t };
      // Every aspect is assessed for the system too: at the level its sets give it, and at level 1
      // (a moderate consequence) where no classified set reaches.
      const own = answersFor(Object.fromEntries(aspectKeys.map((a) => [a, inherited[a] ?? 1])), false);
      const justifications: Record<string, string> = { ...own.justifications };
      for (const a of aspectKeys)
        if ((inherited[a] ?? 0) >= 2)
          justifications[a] = 'Systemet ärver nivån från de informationsmängder det behandlar (den värsta konsekvensen avgör).';
      for (const [a, r] of Object.entries(p.raise ?? {})) justifications[a] = r.reason;
      await classify(
        trx,
        p,
        systemState(j),
        j,
        now,
        { answers: own.answers, justifications, raises: p.raise ?? {}, authorId: steward, deciderId: owner },
        { answers: own.answers, authorId: steward },
      );
    }
  });
};

async function classify(
  trx: Trx,
  asset: { id: string; organization_id: string },
  state: State,
  i: number,
  now: number,
  complete: ClassificationOverrides,
  partial: ClassificationOverrides,
) {
  if (state === 'none') return;
  if (state === 'draft') return void (await makeClassification(trx, asset, { ...partial, status: 'draft' }));
  if (state === 'submitted') return void (await makeClassification(trx, asset, { ...complete, status: 'submitted' }));
  if (state === 'returned')
    return void (await makeClassification(trx, asset, {
      ...complete,
      status: 'returned',
      decisionComment: 'Motivera tillgängligheten tydligare.',
    }));
  await makeClassification(trx, asset, { ...complete, status: 'approved', ...approvedDates(state, i, now) });
  // A few valid classifications are being redone: a draft on top of the approved version.
  if (state === 'valid' && i % 10 === 6) await makeClassification(trx, asset, { ...partial, status: 'draft' });
}
