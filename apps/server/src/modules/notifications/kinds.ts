import type { Locale } from '@tillit/core';

/** The words of one kind of notification in one language; `title` may name params as {{name}}. */
export interface KindTexts {
  label: string;
  description: string;
  title: string;
}

/**
 * A kind of notification a module sends. Its texts are data (the module's JSON file), so the
 * server builds each notice in the reader's language, on screen and in the e-mail digest alike.
 */
export interface NotificationKind {
  kind: string;
  texts: Record<Locale, KindTexts>;
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
  cron: string;
  /** Produce also when an instance starts, so a new installation does not wait for the first slot. */
  runAtStart?: boolean;
  kinds: NotificationKind[];
  produce(ctx: C, now: Date): Promise<NotificationDraft[]>;
}

export function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => params[k] ?? '');
}
