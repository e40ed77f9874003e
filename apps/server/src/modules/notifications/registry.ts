import type { JobDef } from '../../platform/jobs/queue.js';
import type { JobContext } from '../../services.js';
import { auditProducers } from '../audit/audit.notifications.js';
import { classificationProducers } from '../classification/classification.notifications.js';
import { sendDigests } from './digest.js';
import type { NotificationKind, NotificationProducer } from './kinds.js';

/** The modules' notification producers. (Moves to each module's manifest once they exist.) */
export const producers: NotificationProducer<JobContext>[] = [...classificationProducers, ...auditProducers];

export const notificationKinds = (): NotificationKind[] => producers.flatMap((p) => p.kinds);

export const producerJobName = (p: NotificationProducer<unknown>) => `notifications.produce.${p.name}`;

/** Each producer is a scheduled job; so is the e-mail digest (06:00 Swedish time). */
export function notificationJobs(): JobDef<JobContext>[] {
  return [
    ...producers.map(
      (p): JobDef<JobContext> => ({
        name: producerJobName(p),
        cron: p.cron,
        runAtStart: p.runAtStart ?? false,
        retryLimit: 2,
        retryDelaySeconds: 60,
        run: async (_payload, ctx) => {
          await ctx.services.notifications.deliver(await p.produce(ctx, new Date()));
        },
      }),
    ),
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
