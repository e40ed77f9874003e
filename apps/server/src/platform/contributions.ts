import type { Locale } from '@tillit/core';
import type { Actor } from './access.js';

/*
 * What a module contributes to the notification centre and the start page, declared in its
 * manifest (`notifications`, `dashboard`). The notifications and dashboard modules read them from
 * all manifests; the platform only names the shapes.
 */

/** The words of one kind of notification in one language; `title` may name params as {{name}}. */
export interface KindTexts {
  label: string;
  description: string;
  title: string;
}

/** A kind of notification; its texts are the module's data (a JSON file), in Swedish and English. */
export interface NotificationKind {
  kind: string;
  texts: Record<Locale, KindTexts>;
}

/** Reads a module's `notification-kinds.json` ({ "<kind>": { sv: …, en: … }, "$comment": … }). */
export function kindsFrom(json: Record<string, unknown>): NotificationKind[] {
  return Object.entries(json)
    .filter(([k]) => !k.startsWith('$'))
    .map(([kind, texts]) => ({ kind, texts: texts as NotificationKind['texts'] }));
}

/** What a producer hands over: one notice for one user about one object. */
export interface NotificationDraft {
  organizationId: string;
  userId: string;
  kind: string;
  entityType: string;
  entityId: string;
  params: Record<string, string>;
  /** A path inside the web app, e.g. `/assets/<id>`. */
  link: string | null;
}

/**
 * A module's scheduled source of notifications: run by the job queue on its cron schedule (once
 * across all instances), it returns what users should be told now. Delivering the same draft again
 * the same day creates nothing, so a producer simply reports the current state.
 */
export interface NotificationProducer<C> {
  name: string;
  /** Five-field cron expression, Swedish time. */
  cron: string;
  /** Produce also when an instance starts, so a new installation does not wait for the first slot. */
  runAtStart?: boolean;
  kinds: readonly NotificationKind[];
  produce(ctx: C, now: Date): Promise<NotificationDraft[]>;
}

export function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => params[k] ?? '');
}

export interface FigureValue {
  key: string;
  value: number | null;
  format?: 'count' | 'percent';
  link: string | null;
  tone?: 'neutral' | 'attention';
}

export interface AwaitingValue {
  key: string;
  count: number;
  link: string | null;
}

/** A section's words in one language: its title and each figure's or awaiting item's label and hint. */
export interface ContributionTexts {
  title: string;
  items: Record<string, { label: string; hint?: string }>;
}

/**
 * What a module shows on the start page. `figures` returns null when the user may not see the
 * module at all (no section then); `awaiting` lists what the user has to do in the module.
 * Texts are the module's data (`dashboard.json`), so the start page needs no code for a new module.
 */
export interface DashboardContribution<C> {
  /** Place on the page, lowest first (the organisation 0, assets 10, classification 20, …). */
  order: number;
  texts: Record<Locale, ContributionTexts>;
  figures(actor: Actor, ctx: C): Promise<FigureValue[] | null>;
  awaiting?(actor: Actor, ctx: C): Promise<AwaitingValue[]>;
}

/** Reads a module's `dashboard.json` ({ sv: { title, items }, en: … }) into typed texts. */
export const textsFrom = (json: unknown) => json as Record<Locale, ContributionTexts>;
