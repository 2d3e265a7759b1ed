import { actionsByKey, cancelAction, chatsUnderHuman, insertActions, trimPendingFollowUps, type ActionRow, type NewAction } from '@followups/actions';
import { defaultCancelOn, type ScheduleIntent } from '@followups/contracts';
import { ack, describeError, pgJson, type Outcome } from '@followups/kit';
import { nextOccurrence, validateCronPattern } from '@followups/when';
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
    createdBy: intent.by,
    recurrence: intent.recurrence,
    timeZone: intent.timeZone,
    contextAt: intent.contextAt ? new Date(intent.contextAt) : undefined,
    cancelReason: heldByHuman && cancelOn.includes('takeover') ? HUMAN_TAKEOVER : undefined,
  };
}

/**
 * `schedule.intent.<chat>`: stores a batch of intents with one look-up of the chats a human holds
 * and one insert (plus the look-ups below). A key the chat used before stores nothing: the same
 * action again (a redelivery, a re-publish) is harmless, a different one is dead-lettered.
 */
export async function storeIntents(deps: HandlerDeps, batch: DeliveryOf<'schedule.intent'>[]): Promise<Outcome[]> {
  // Refused with the reason, the rest stored: due further ahead than the horizon (a typo, 9999,
  // not a plan), or a repetition that cannot be scheduled (a bad pattern or zone, more than once a minute).
  const now = deps.clock();
  const refusals = batch.map((d) => refusalOf(d.payload, now, deps.maxDueAheadMs));
  const storable = batch.filter((_, i) => refusals[i] === null);
  const stored = storable.length ? await applyBatchIsolatingBadValues(storable, (items) => storeBatch(deps, items), deps.log) : [];
  let next = 0;
  return batch.map((_, i): Outcome => (refusals[i] != null ? { kind: 'dead', reason: refusals[i]! } : stored[next++]!));
}

function refusalOf(intent: ScheduleIntent, now: Date, maxDueAheadMs: number): string | null {
  if (new Date(intent.dueAt).getTime() > now.getTime() + maxDueAheadMs) {
    return `dueAt ${intent.dueAt} is more than ${Math.round(maxDueAheadMs / 86_400_000)} days ahead (settings limits.maxDaysAhead, MAX_DUE_AHEAD_DAYS)`;
  }
  if (intent.recurrence) {
    try {
      validateCronPattern(intent.recurrence.pattern);
      if (!nextOccurrence(intent.recurrence.pattern, intent.recurrence.timeZone, now)) return `recurrence ${intent.recurrence.pattern} never fires`;
    } catch (e) {
      return `recurrence ${intent.recurrence.pattern} in ${intent.recurrence.timeZone}: ${describeError(e)}`;
    }
  }
  return null;
}

async function storeBatch({ db, log, actor, maxPendingFollowUps }: HandlerDeps, batch: DeliveryOf<'schedule.intent'>[]): Promise<Outcome[]> {
  const held = await chatsUnderHuman(db, [...new Set(batch.map((d) => d.chatId))]);
  const rows = batch.map((d) => toNewAction(d.payload, held.has(d.chatId)));
  const inserted = await insertActions(db, rows);

  // A takeover handled between our look-up and our insert could not see these rows. The takeover
  // records the chat's control before it cancels, so looking again after the insert closes the gap.
  const exposed = inserted.filter((r) => r.status === 'pending' && r.cancel_on.includes('takeover') && !held.has(String(r.chat_id)));
  if (exposed.length > 0) {
    const nowHeld = await chatsUnderHuman(db, [...new Set(exposed.map((r) => String(r.chat_id)))]);
    for (const r of exposed) if (nowHeld.has(String(r.chat_id))) await cancelAction(db, actor, r.id, HUMAN_TAKEOVER);
  }

  const withFollowUps = [...new Set(inserted.filter((r) => r.type === 'follow_up' && r.status === 'pending').map((r) => String(r.chat_id)))];
  const replaced = await trimPendingFollowUps(db, actor, withFollowUps, maxPendingFollowUps);
  if (replaced.length > 0) log.info({ replaced: replaced.length, actionIds: replaced.map((r) => r.id) }, 'oldest pending follow-ups replaced by newer ones');

  const outcomes = await outcomesOfRepeatedKeys(db, rows, inserted);
  for (const r of inserted) {
    log.debug({ chatId: String(r.chat_id), actionId: r.id, type: r.type, dueAt: r.due_at, status: r.status }, 'action stored');
  }
  const bornCancelled = inserted.filter((r) => r.status === 'cancelled').length;
  const conflicts = outcomes.filter((o) => o.kind === 'dead').length;
  log.info({ intents: batch.length, stored: inserted.length, duplicates: batch.length - inserted.length - conflicts, conflicts, bornCancelled }, 'intents stored');
  return outcomes;
}

/**
 * An intent that stored nothing repeats a key its chat used before: a redelivery or a re-publish
 * of the same action (acknowledged), or a different action under the same key (dead-lettered
 * with the reason, never dropped in silence). The first stored keeps the key; within a batch,
 * the first in stream order.
 */
async function outcomesOfRepeatedKeys(db: HandlerDeps['db'], rows: NewAction[], inserted: ActionRow[]): Promise<Outcome[]> {
  const keyOf = (chatId: string, key: string) => `${chatId} ${key}`;
  const insertedByKey = new Map(inserted.map((r) => [keyOf(String(r.chat_id), r.idempotency_key), r]));
  const firstWithKey = new Map<string, number>();
  rows.forEach((r, i) => {
    const key = keyOf(r.chatId, r.idempotencyKey);
    if (!firstWithKey.has(key)) firstWithKey.set(key, i);
  });
  const storedByThisRow = (r: NewAction, i: number) => insertedByKey.has(keyOf(r.chatId, r.idempotencyKey)) && firstWithKey.get(keyOf(r.chatId, r.idempotencyKey)) === i;

  // Keys this batch did not store were stored before it: look those rows up.
  const repeats = rows.filter((r) => !insertedByKey.has(keyOf(r.chatId, r.idempotencyKey)));
  const earlier = new Map((await actionsByKey(db, repeats)).map((r) => [keyOf(String(r.chat_id), r.idempotency_key), r]));
  return rows.map((row, i): Outcome => {
    if (storedByThisRow(row, i)) return ack;
    const stored = insertedByKey.get(keyOf(row.chatId, row.idempotencyKey)) ?? earlier.get(keyOf(row.chatId, row.idempotencyKey));
    const difference = stored ? differenceOf(stored, row) : null;
    if (!stored || difference === null) return ack;
    return { kind: 'dead', reason: `idempotency key ${row.idempotencyKey} already names action ${stored.id} of chat ${row.chatId}, with another ${difference}` };
  });
}

/** What differs between a stored action and an intent under the same key; null when nothing does. */
function differenceOf(stored: ActionRow, row: NewAction): string | null {
  if (stored.type !== row.type) return 'type';
  if (stored.due_at.getTime() !== row.dueAt.getTime()) return 'due time';
  if (stableJson(stored.payload) !== stableJson(pgJson(row.payload))) return 'payload';
  if ([...stored.cancel_on].sort().join() !== [...row.cancelOn].sort().join()) return 'cancel policy';
  return null;
}

/** JSON with object keys sorted: jsonb does not keep the order a publisher wrote them in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}
