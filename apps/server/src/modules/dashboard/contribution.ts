import type { Locale } from '@tillit/core';
import type { Actor } from '../../platform/access.js';

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
 * Texts are the module's data, so the start page needs no code of its own for a new module.
 */
export interface DashboardContribution<S> {
  module: string;
  texts: Record<Locale, ContributionTexts>;
  figures(actor: Actor, services: S): Promise<FigureValue[] | null>;
  awaiting?(actor: Actor, services: S): Promise<AwaitingValue[]>;
}

/** Reads a module's `dashboard.json` ({ sv: { title, items }, en: … }) into typed texts. */
export const textsFrom = (json: unknown) => json as Record<Locale, ContributionTexts>;
