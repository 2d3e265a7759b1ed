import type { Logger } from 'pino';
import { beginSendingBatch, endSendingBatch, markSentBatch, type TakenAction } from '@followups/actions';
import { actionAudience, actionSchema } from '@followups/contracts';
import { ack, describeError, isNonRetriableError, outcomeOfError, type Delivery, type Outcome } from '@followups/kit';
import type { DueDelivery } from '../due-timer.js';
import { actionSendKey, randomIdFor } from '../random-id.js';
import { sendOnce } from '../transport/outbound-transport.js';
import { publishBotMessage, type DispatchDeps } from './deps.js';
import { failedAttempt, notOurs, sendDueAction, sendTaken } from './send-due-action.js';

/** How long a batch waits for the scheduler to have applied what was stored before it, before checking action by action. */
const BARRIER_TIMEOUT_MS = 2000;

type End = { id: string; status: 'cancelled' | 'expired' | 'failed'; reason: string };

/**
 * `schedule.due` for a whole batch: one read barrier (everything clients and operators stored
 * before now is applied to the rows), one statement to take every action with its chat's
 * do-not-contact and takeover state, the sends pipelined (each chat's in order), one statement to
 * mark the sent and one to end the refused. What the batch path does not cover — a call or a
 * custom action, the scheduler too far behind — goes through the one-by-one path, which checks
 * each action against the streams itself.
 */
export async function sendDueBatch(deps: DispatchDeps, dues: readonly DueDelivery[]): Promise<Outcome[]> {
  if (dues.length === 0) return [];
  const barrier = await deps.barrier.pass(BARRIER_TIMEOUT_MS);
  if (!barrier.passed) {
    deps.log.warn({ actions: dues.length }, 'the scheduler has not applied the latest replies and takeovers yet; checking each action against the streams');
    return inChatOrder(deps, dues, (d) => sendDueAction(deps, d.payload));
  }
  const taken = new Map((await beginSendingBatch(deps.db, dues.map((d) => d.payload.actionId), deps.config.SENDING_LEASE_MS, barrier.asOf)).map((r) => [r.id, r]));
  const ends: End[] = [];
  const sent: string[] = [];
  const outcomes = await inChatOrder(deps, dues, async (d): Promise<Outcome> => {
    const row = taken.get(d.payload.actionId);
    if (!row) return notOurs(deps, d.payload.actionId);
    const log = deps.log.child({ actionId: row.id, chatId: row.chat_id, type: row.type, attempt: row.attempts });
    const refusal = refusalOfTaken(deps, row);
    if (refusal) {
      ends.push({ id: row.id, ...refusal });
      log.info(refusal, 'action not sent');
      return ack;
    }
    // A call or a custom action: the one-by-one path, with its own checks.
    if (row.type !== 'follow_up' && row.type !== 'reminder') return sendTaken(deps, row, log);
    return sendText(deps, row, log, sent, ends);
  });
  await Promise.all([markSentBatch(deps.db, sent), endSendingBatch(deps.db, ends)]);
  return outcomes;
}

/** Why a taken action must not be sent, from the row and its chat's state as the batch read them. */
function refusalOfTaken(deps: DispatchDeps, row: TakenAction): Omit<End, 'id'> | null {
  if (deps.clock().getTime() - row.due_at.getTime() > deps.config.MAX_LATENESS_MS) return { status: 'expired', reason: 'too_late' };
  if (row.opted_out) return { status: 'cancelled', reason: 'opted_out' };
  if (actionAudience[row.type] === 'team') return null;
  if (row.under_human) return { status: 'cancelled', reason: 'human_takeover' };
  // A client reply stored before the batch began already cancelled the row (the barrier).
  return null;
}

async function sendText(deps: DispatchDeps, row: TakenAction, log: Logger, sent: string[], ends: End[]): Promise<Outcome> {
  const parsed = actionSchema.safeParse({ type: row.type, payload: row.payload });
  if (!parsed.success || (parsed.data.type !== 'follow_up' && parsed.data.type !== 'reminder')) {
    ends.push({ id: row.id, status: 'failed', reason: `invalid_payload: ${parsed.success ? row.type : parsed.error.issues.map((i) => i.message).join('; ')}` });
    return ack;
  }
  const text = parsed.data.payload.text;
  try {
    const delivery = await sendOnce(deps.transport, { chatId: row.chat_id, text, randomId: randomIdFor(actionSendKey(row.id)), actionId: row.id });
    await publishBotMessage(deps, { chatId: row.chat_id, text, actionId: row.id, msgID: `out:${actionSendKey(row.id)}` });
    sent.push(row.id);
    log.debug({ delivery }, 'action sent');
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

/** Different chats at once, each chat's actions one after another in stream order. */
async function inChatOrder<D extends Delivery>(deps: Pick<DispatchDeps, 'log'>, batch: readonly D[], handle: (d: D) => Promise<Outcome>): Promise<Outcome[]> {
  const outcomes = new Array<Outcome>(batch.length);
  const byChat = new Map<string, number[]>();
  batch.forEach((d, i) => {
    const list = byChat.get(d.chatId);
    if (list) list.push(i);
    else byChat.set(d.chatId, [i]);
  });
  await Promise.all(
    [...byChat.values()].map(async (indexes) => {
      for (const i of indexes) outcomes[i] = await handle(batch[i]!).catch((e: unknown) => outcomeOfError(e, batch[i]!, deps.log));
    }),
  );
  return outcomes;
}
