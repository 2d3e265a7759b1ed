import { oneByOne, runConsumer, type RunningConsumer } from '@followups/kit';
import { deadOnDataError } from './batch/data-errors.js';
import { routeByFamily } from './batch/route-by-family.js';
import { cancelOnClientReplies } from './handlers/conv-in.js';
import { handleConvOut } from './handlers/conv-out.js';
import type { HandlerDeps } from './handlers/deps.js';
import { handleOpsRelease } from './handlers/ops-release.js';
import { handleOpsTakeover } from './handlers/ops-takeover.js';
import { handleMeetingBooked, handleMeetingCancelled } from './handlers/meeting-booked.js';
import { handleScheduleCancel } from './handlers/schedule-cancel.js';
import { storeIntents } from './handlers/schedule-intent.js';

/** Big enough that a burst of intents or client messages costs a few round trips, not thousands. */
const MAX_BATCH = 500;

/**
 * Starts the scheduler's three shared durable consumers. Every replica pulls from the same
 * durables, so each message is handled by one scheduler. Stops what it started if one fails.
 */
export async function startConsumers(deps: HandlerDeps): Promise<RunningConsumer[]> {
  const one = <D>(handle: (deps: HandlerDeps, d: D) => Promise<void>) => oneByOne(deadOnDataError((d) => handle(deps, d as D)), deps.log);
  const common = { js: deps.js, service: 'scheduler', log: deps.log, maxBatch: MAX_BATCH };
  const started: RunningConsumer[] = [];
  try {
    started.push(
      await runConsumer({
        ...common,
        consumer: 'schedulerRequests',
        handleBatch: routeByFamily({
          'schedule.intent': (batch) => storeIntents(deps, batch),
          'schedule.cancel': one(handleScheduleCancel),
          'meeting.booked': one(handleMeetingBooked),
          'meeting.cancelled': one(handleMeetingCancelled),
        }),
      }),
    );
    started.push(
      await runConsumer({
        ...common,
        consumer: 'schedulerConv',
        handleBatch: routeByFamily({
          'conv.in': (batch) => cancelOnClientReplies(deps, batch),
          'conv.out': one(handleConvOut),
        }),
      }),
    );
    started.push(
      await runConsumer({
        ...common,
        consumer: 'schedulerOps',
        handleBatch: routeByFamily({ 'ops.takeover': one(handleOpsTakeover), 'ops.release': one(handleOpsRelease) }),
      }),
    );
    return started;
  } catch (e) {
    await Promise.allSettled(started.map((c) => c.stop()));
    throw e;
  }
}
