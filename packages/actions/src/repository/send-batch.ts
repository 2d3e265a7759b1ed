import { sql, type Kysely } from 'kysely';
import { signatureSql, signedBy, type Actor } from '../actor.js';
import type { ActionRow, ActionsDB } from '../tables.js';

/** A row a dispatcher took, with what decides whether it may still be sent. */
export type TakenAction = ActionRow & {
  /** The chat is marked do-not-contact. */
  opted_out: boolean;
  /** A human holds the chat. */
  under_human: boolean;
  /** When the chat last received a message of an action: the per-chat gap between bot messages counts from it. */
  last_sent_at: Date | null;
};

/**
 * claimed → sending for a whole batch in one statement (as `beginSending`, row by row, would),
 * returning each row taken with its chat's do-not-contact mark and takeover state read in the
 * same statement. Ids not returned are someone else's or have ended. `begunAt` is when the
 * caller last made sure every reply and takeover stored so far was applied to the rows: the
 * sends count as begun then (`sending_at`), so "stored before the send began" keeps its meaning.
 */
export async function beginSendingBatch(db: Kysely<ActionsDB>, actor: Actor, ids: readonly string[], leaseMs: number, begunAt: Date): Promise<TakenAction[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<TakenAction>`
    with taken as (
      update scheduled_actions
         set status = 'sending', sending_at = least(now(), ${begunAt}::timestamptz), attempts = attempts + 1, ${signatureSql(actor)}
       where id = any(${sql.val(ids)}::uuid[])
         and (status = 'claimed' or (status = 'sending' and sending_at < now() - make_interval(secs => ${leaseMs / 1000})))
      returning *
    )
    select taken.*,
           coalesce(c.opted_out_at is not null, false) as opted_out,
           coalesce(k.under_human, false) as under_human,
           (select max(s.sent_at) from scheduled_actions s where s.chat_id = taken.chat_id and s.status = 'sent') as last_sent_at
      from taken
      left join chats c on c.chat_id = taken.chat_id
      left join chat_controls k on k.chat_id = taken.chat_id`.execute(db);
  return rows;
}

/** sending → sent for a batch. Returns how many were marked. */
export async function markSentBatch(db: Kysely<ActionsDB>, actor: Actor, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db.updateTable('scheduled_actions').set({ status: 'sent', sent_at: sql`now()`, ...signedBy(actor) }).where('id', 'in', ids).where('status', '=', 'sending').executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** sending → cancelled / expired / failed for a batch, each with its own reason, in one statement. */
export async function endSendingBatch(db: Kysely<ActionsDB>, actor: Actor, ends: ReadonlyArray<{ id: string; status: 'cancelled' | 'expired' | 'failed'; reason: string }>): Promise<number> {
  if (ends.length === 0) return 0;
  const r = await sql`
    update scheduled_actions a
       set status = e.status, cancel_reason = e.reason, ${signatureSql(actor)},
           cancelled_at = case when e.status = 'cancelled' then now() else a.cancelled_at end
      from unnest(${sql.val(ends.map((e) => e.id))}::uuid[], ${sql.val(ends.map((e) => e.status))}::text[], ${sql.val(ends.map((e) => e.reason))}::text[]) as e(id, status, reason)
     where a.id = e.id and a.status = 'sending'`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
