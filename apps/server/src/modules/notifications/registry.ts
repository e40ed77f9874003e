import type { JobDef } from '../../platform/jobs/queue.js';
import type { ModuleDeps, ModuleManifest } from '../../platform/module.js';
import { sendDigests } from './digest.js';
import type { NotificationKind, NotificationProducer } from './kinds.js';

/** Every module's notification producers, from the manifests. */
export const producersOf = (modules: readonly ModuleManifest[]): NotificationProducer<ModuleDeps>[] =>
  modules.flatMap((m) => m.notifications ?? []);

export const kindsOf = (modules: readonly ModuleManifest[]): NotificationKind[] => producersOf(modules).flatMap((p) => p.kinds);

export const producerJobName = (p: NotificationProducer<unknown>) => `notifications.produce.${p.name}`;

/** Each producer is a scheduled job; so is the e-mail digest (06:00 Swedish time). */
export function notificationJobs(modules: readonly ModuleManifest[]): JobDef<ModuleDeps>[] {
  return [
    ...producersOf(modules).map((p): JobDef<ModuleDeps> => ({
      name: producerJobName(p),
      cron: p.cron,
      runAtStart: p.runAtStart ?? false,
      retryLimit: 2,
      retryDelaySeconds: 60,
      run: async (_payload, ctx) => {
        await ctx.services.notifications.deliver(await p.produce(ctx, new Date()));
      },
    })),
    {
      name: 'notifications.digest',
      cron: '0 6 * * *',
      retryLimit: 2,
      retryDelaySeconds: 300,
      run: async (_payload, ctx) => {
        await sendDigests({ db: ctx.db, publicUrl: ctx.config.publicUrl, notifications: ctx.services.notifications });
      },
    },
  ];
}
