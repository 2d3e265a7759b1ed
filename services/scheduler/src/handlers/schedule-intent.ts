import { cancelAction, chatsUnderHuman, insertActions, type NewAction } from '@followups/actions';
import { defaultCancelOn, type ScheduleIntent } from '@followups/contracts';
import type { Outcome } from '@followups/kit';
import { applyBatchIsolatingBadValues } from '../batch/data-errors.js';
import type { DeliveryOf } from '../batch/route-by-family.js';
import { HUMAN_TAKEOVER, type HandlerDeps } from './deps.js';

/** The row an intent asks for; `heldByHuman` makes a takeover-cancellable action born cancelled. */
function toNewAction(intent: ScheduleIntent, heldByHuman: boolean): NewAction {
  const cancelOn = intent.cancelOn ?? defaultCancelOn[intent.action.type];
  return {
    chatId: intent.chatId,
    type: intent.action.type,
    payload: intent.action.payload,
    dueAt: new Date(intent.dueAt),
    cancelOn,
    reason: intent.reason,
    idempotencyKey: intent.idempotencyKey,
    source: intent.source,
    timeZone: intent.timeZone,
    contextAt: intent.contextAt ? new Date(intent.contextAt) : undefined,
    cancelReason: heldByHuman && cancelOn.includes('takeover') ? HUMAN_TAKEOVER : undefined,
  };
}

/**
 * `schedule.intent.<chat>`: stores a batch of intents with one look-up of the chats a human holds
 * and one insert (plus one more look-up, see below). A repeated idempotency key stores nothing,
 * so a redelivered or re-published intent is harmless.
 */
export async function storeIntents(deps: HandlerDeps, batch: DeliveryOf<'schedule.intent'>[]): Promise<Outcome[]> {
  // Due further ahead than the horizon: a typo (9999), not a plan. Refused with the reason; the rest are stored.
  const horizon = deps.clock().getTime() + deps.maxDueAheadMs;
  const tooFar = (d: DeliveryOf<'schedule.intent'>) => new Date(d.payload.dueAt).getTime() > horizon;
  const storable = batch.filter((d) => !tooFar(d));
  const stored = storable.length ? await applyBatchIsolatingBadValues(storable, (items) => storeBatch(deps, items), deps.log) : [];
  let next = 0;
  return batch.map((d): Outcome =>
    tooFar(d) ? { kind: 'dead', reason: `dueAt ${d.payload.dueAt} is more than ${Math.round(deps.maxDueAheadMs / 86_400_000)} days ahead (MAX_DUE_AHEAD_DAYS)` } : stored[next++]!,
  );
}

async function storeBatch({ db, log }: HandlerDeps, batch: DeliveryOf<'schedule.intent'>[]): Promise<void> {
  const held = await chatsUnderHuman(db, [...new Set(batch.map((d) => d.chatId))]);
  const inserted = await insertActions(db, batch.map((d) => toNewAction(d.payload, held.has(d.chatId))));

  // A takeover handled between our look-up and our insert could not see these rows. The takeover
  // records the chat's control before it cancels, so looking again after the insert closes the gap.
  const exposed = inserted.filter((r) => r.status === 'pending' && r.cancel_on.includes('takeover') && !held.has(String(r.chat_id)));
  if (exposed.length > 0) {
    const nowHeld = await chatsUnderHuman(db, [...new Set(exposed.map((r) => String(r.chat_id)))]);
    for (const r of exposed) if (nowHeld.has(String(r.chat_id))) await cancelAction(db, r.id, HUMAN_TAKEOVER);
  }

  for (const r of inserted) {
    log.debug({ chatId: String(r.chat_id), actionId: r.id, type: r.type, dueAt: r.due_at, status: r.status }, 'action stored');
  }
  const bornCancelled = inserted.filter((r) => r.status === 'cancelled').length;
  log.info({ intents: batch.length, stored: inserted.length, duplicates: batch.length - inserted.length, bornCancelled }, 'intents stored');
}
