import type { Logger } from 'pino';
import { beginSendingBatch, endSendingBatch, markSentBatch, type TakenAction } from '@followups/actions';
import { ack, describeError, isNonRetriableError, perChatInOrder, type Outcome } from '@followups/kit';
import type { DueDelivery } from '../due-timer.js';
import { actionSendKey } from '../random-id.js';
import { publishBotMessage, type DispatchDeps } from './deps.js';
import { executeAction } from './execute-action.js';
import { recordEnded, recordSent } from './action-metrics.js';
import { waitForGap } from './message-gap.js';
import { refusalGiven } from './refusal.js';
import { failedAttempt, notOurs, sendDueAction } from './send-due-action.js';

/** How long a batch waits for the scheduler to have applied what was stored before it, before checking action by action. */
const BARRIER_TIMEOUT_MS = 2000;

type End = { id: string; status: 'cancelled' | 'expired' | 'failed'; reason: string };

/**
 * `schedule.due` for a whole batch: one read barrier (everything clients and operators stored
 * before now is applied to the rows), one statement to take every action with its chat's
 * do-not-contact and takeover state, the sends pipelined (each chat's in order), one statement to
 * mark the sent and one to end the refused. The decisions are the one-by-one path's
 * (`refusalGiven`, `executeAction`); only where the facts come from differs. When the scheduler is
 * too far behind for the barrier, the one-by-one path runs, checking each action against the
 * streams itself.
 */
export async function sendDueBatch(deps: DispatchDeps, dues: readonly DueDelivery[]): Promise<Outcome[]> {
  if (dues.length === 0) return [];
  // Every chat of the batch at once (its publishes pipelined), each chat's actions in stream order.
  const inChatOrder = (handle: (d: DueDelivery) => Promise<Outcome>) => perChatInOrder((d) => handle(d as DueDelivery), dues.length, deps.log)([...dues]);
  const barrier = await deps.barrier.pass(BARRIER_TIMEOUT_MS);
  if (!barrier.passed) {
    deps.log.warn({ actions: dues.length }, 'the scheduler has not applied the latest replies and takeovers yet; checking each action against the streams');
    return inChatOrder((d) => sendDueAction(deps, d.payload));
  }
  const taken = new Map((await beginSendingBatch(deps.db, deps.actor, dues.map((d) => d.payload.actionId), deps.config.SENDING_LEASE_MS, barrier.asOf)).map((r) => [r.id, r]));
  const ends: End[] = [];
  const sent: string[] = [];
  // Sent in this batch, by chat: a second message to a chat in one batch waits out the gap too.
  const sentNow = new Map<string, Date>();
  const outcomes = await inChatOrder(async (d): Promise<Outcome> => {
    const row = taken.get(d.payload.actionId);
    if (!row) return notOurs(deps, d.payload.actionId);
    const log = deps.log.child({ actionId: row.id, chatId: row.chat_id, type: row.type, attempt: row.attempts });
    // A client reply stored before the batch began already cancelled the row (the barrier).
    const refusal = refusalGiven(deps, row, { optedOut: row.opted_out, underHuman: row.under_human, clientWroteSince: false });
    if (refusal) {
      ends.push({ id: row.id, ...refusal });
      log.info(refusal, 'action not sent');
      return ack;
    }
    // A send of this batch is later than anything the batch read when it began.
    const gap = waitForGap(deps, row, sentNow.get(row.chat_id) ?? row.last_sent_at);
    if (gap) return failedAttempt(deps, row, gap, log);
    return carryOut(deps, row, log, ends, () => {
      sent.push(row.id);
      sentNow.set(row.chat_id, deps.clock());
    });
  });
  await Promise.all([markSentBatch(deps.db, deps.actor, sent), endSendingBatch(deps.db, deps.actor, ends)]);
  const now = deps.clock();
  for (const id of sent) recordSent(taken.get(id)!, now);
  for (const e of ends) recordEnded(taken.get(e.id)!, e.status, e.reason);
  return outcomes;
}

/** As the one-by-one path does, but the row's final state is left to the batch's statements. */
async function carryOut(deps: DispatchDeps, row: TakenAction, log: Logger, ends: End[], markSent: () => void): Promise<Outcome> {
  try {
    const result = await executeAction(deps, row, log);
    if (result.kind === 'failed') {
      ends.push({ id: row.id, status: 'failed', reason: result.reason });
      log.warn({ reason: result.reason }, 'action failed');
      return ack;
    }
    // Reported before it is marked, as in the one-by-one path.
    if (result.text !== undefined) {
      await publishBotMessage(deps, { chatId: row.chat_id, text: result.text, actionId: row.id, msgID: `out:${actionSendKey(row.id)}` });
    }
    markSent();
    log.debug({ delivery: result.delivery }, 'action sent');
    return ack;
  } catch (e) {
    if (isNonRetriableError(e)) {
      ends.push({ id: row.id, status: 'failed', reason: describeError(e) });
      log.warn({ reason: describeError(e) }, 'action failed');
      return ack;
    }
    return failedAttempt(deps, row, e, log);
  }
}
