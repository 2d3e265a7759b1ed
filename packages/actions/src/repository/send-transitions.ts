import { sql, type Kysely } from 'kysely';
import { signedBy, type Actor } from '../actor.js';
import type { ActionRow, ActionsDB } from '../tables.js';

/**
 * claimed → sending, the dispatcher's right to send. Also takes over a `sending` row whose
 * holder has been silent for `leaseMs` (a dispatcher that died mid-send): the transport's
 * idempotency key makes the second send safe. `null`: someone else has it, or it ended.
 */
export async function beginSending(db: Kysely<ActionsDB>, actor: Actor, actionId: string, leaseMs: number): Promise<ActionRow | null> {
  const row = await db
    .updateTable('scheduled_actions')
    .set({ status: 'sending', sending_at: sql`now()`, attempts: sql`attempts + 1`, ...signedBy(actor) })
    .where('id', '=', actionId)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'claimed'),
        eb.and([eb('status', '=', 'sending'), eb('sending_at', '<', sql<Date>`now() - make_interval(secs => ${leaseMs / 1000})`)]),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

/** sending → sent. */
export async function markSent(db: Kysely<ActionsDB>, actor: Actor, actionId: string): Promise<boolean> {
  const r = await db
    .updateTable('scheduled_actions')
    .set({ status: 'sent', sent_at: sql`now()`, ...signedBy(actor) })
    .where('id', '=', actionId)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** sending → cancelled / expired / failed, with the reason. */
export async function endSending(
  db: Kysely<ActionsDB>,
  actor: Actor,
  actionId: string,
  status: 'cancelled' | 'expired' | 'failed',
  reason: string,
): Promise<boolean> {
  const r = await db
    .updateTable('scheduled_actions')
    .set({ status, cancel_reason: reason, ...signedBy(actor), ...(status === 'cancelled' ? { cancelled_at: sql`now()` } : {}) })
    .where('id', '=', actionId)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/**
 * sending → claimed after a transient send failure (transport down, flood wait): the one edge
 * that steps back, so the redelivered due event can take it again. `counted: false` gives the
 * attempt back: the transport said "not now" (a flood wait, no session holder) before trying, so
 * waiting it out must not use up the action's attempts.
 */
export async function retrySendingLater(db: Kysely<ActionsDB>, actor: Actor, actionId: string, error: string, { counted = true } = {}): Promise<boolean> {
  const r = await db
    .updateTable('scheduled_actions')
    .set({ status: 'claimed', claimed_at: sql`now()`, last_error: error, ...signedBy(actor), ...(counted ? {} : { attempts: sql`greatest(attempts - 1, 0)` }) })
    .where('id', '=', actionId)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}
