import type { Logger } from 'pino';
import { beginSending, endSending, getAction, lastSentAt, markSent, retrySendingLater, type ActionRow } from '@followups/actions';
import type { ScheduleDue } from '@followups/contracts';
import { ack, backoffMs, describeError, isNonRetriableError, isRetryLaterError, type Outcome } from '@followups/kit';
import { actionSendKey } from '../random-id.js';
import { publishBotMessage, type DispatchDeps } from './deps.js';
import { executeAction } from './execute-action.js';
import { recordEnded, recordSent } from './action-metrics.js';
import { waitForGap } from './message-gap.js';
import { refusalOf } from './refusal.js';

/**
 * `schedule.due.<chat>`: take the action (claimed → sending, the row decides races between
 * replicas and redeliveries), re-validate it, send it idempotently, report it and mark it sent.
 */
export async function sendDueAction(deps: DispatchDeps, due: ScheduleDue): Promise<Outcome> {
  const row = await beginSending(deps.db, deps.actor, due.actionId, deps.config.SENDING_LEASE_MS);
  if (!row) return notOurs(deps, due.actionId);
  const log = deps.log.child({ actionId: row.id, chatId: row.chat_id, type: row.type, attempt: row.attempts });

  try {
    const refusal = await refusalOf(deps, row);
    if (refusal) {
      await endSending(deps.db, deps.actor, row.id, refusal.status, refusal.reason);
      recordEnded(row, refusal.status, refusal.reason);
      log.info({ status: refusal.status, reason: refusal.reason }, 'action not sent');
      return ack;
    }
    const gap = waitForGap(deps, row, await lastSentAt(deps.db, row.chat_id));
    if (gap) return failedAttempt(deps, row, gap, log);
    const result = await executeAction(deps, row, log);
    if (result.kind === 'failed') {
      await endSending(deps.db, deps.actor, row.id, 'failed', result.reason);
      recordEnded(row, 'failed', result.reason);
      log.warn({ reason: result.reason }, 'action failed');
      return ack;
    }
    // Reported before it is marked: if marking fails, the retake finds the send refused as a
    // duplicate and reports again under the same msgID, so the report is never lost.
    if (result.text !== undefined) {
      await publishBotMessage(deps, { chatId: row.chat_id, text: result.text, actionId: row.id, msgID: `out:${actionSendKey(row.id)}` });
    }
    await markSent(deps.db, deps.actor, row.id);
    recordSent(row, deps.clock());
    log.info({ delivery: result.delivery }, 'action sent');
    return ack;
  } catch (e) {
    return failedAttempt(deps, row, e, log);
  }
}

/**
 * A transient failure is tried again later, up to MAX_SEND_ATTEMPTS; a permanent one ends the
 * action. "Retry later" (a flood wait, no session holder) is not a failed attempt: it waits as
 * long as it is told, and the action type's staleness (settings) still bounds the whole wait.
 */
export async function failedAttempt(deps: DispatchDeps, row: ActionRow, error: unknown, log: Logger): Promise<Outcome> {
  const reason = describeError(error);
  const notNow = isRetryLaterError(error);
  const final = isNonRetriableError(error) || (!notNow && row.attempts >= deps.config.MAX_SEND_ATTEMPTS);
  try {
    if (final) {
      await endSending(deps.db, deps.actor, row.id, 'failed', reason);
      recordEnded(row, 'failed', reason);
      log.warn({ reason, attempts: row.attempts }, 'action failed');
      return ack;
    }
    await retrySendingLater(deps.db, deps.actor, row.id, reason, { counted: !notNow });
  } catch (dbError) {
    // The row stays `sending`; when the lease runs out the redelivered event takes it over.
    log.warn({ reason, dbError: describeError(dbError) }, 'could not record the failed attempt, retrying after the lease');
    return { kind: 'retry', delayMs: deps.config.SENDING_LEASE_MS, reason };
  }
  const delayMs = isRetryLaterError(error) ? error.delayMs : backoffMs(row.attempts);
  log.warn({ reason, retryInMs: delayMs }, 'send failed, will retry');
  return { kind: 'retry', delayMs, reason };
}

/**
 * beginSending refused the action. Usually it already ended (sent by an earlier delivery of this
 * event, cancelled, expired): acknowledge. But if another dispatcher holds it in `sending`, that
 * holder may have died mid-send, and nothing else re-publishes a `sending` row: acknowledging
 * would strand it. Come back when the lease runs out, then either it is sent or we take it over.
 */
export async function notOurs(deps: DispatchDeps, actionId: string): Promise<Outcome> {
  const row = await getAction(deps.db, actionId);
  const log = deps.log.child({ actionId, status: row?.status });
  // No such action: a forged or stray due event. Dead-lettered, so someone sees it.
  if (!row) return { kind: 'dead', reason: `no action ${actionId}: a forged or stray due event` };
  const lease = deps.config.SENDING_LEASE_MS;
  if (row.status === 'sending') {
    const left = (row.sending_at?.getTime() ?? 0) + lease - deps.clock().getTime();
    const delayMs = Math.min(lease, Math.max(0, left)) + 1000;
    log.debug({ retryInMs: delayMs }, 'action held by another dispatcher, checking again after its lease');
    return { kind: 'retry', delayMs, reason: 'held by another dispatcher' };
  }
  // Put back to `claimed` by a failed attempt a moment ago: its own redelivery is on the way, but
  // taking it again is harmless, so try shortly.
  if (row.status === 'claimed') return { kind: 'retry', delayMs: 1000, reason: 'claimed again after a failed attempt' };
  // `pending`: not claimed by a scheduler yet, which will publish it again when it claims it.
  log.debug('action already handled or not claimed, acknowledging');
  return ack;
}
