import { sql, type Kysely, type Transaction } from 'kysely';
import { signedBy, type Actor } from '../actor.js';
import type { ActionsDB } from '../tables.js';
import type { Cancelled } from './cancel-actions.js';

type Db = Kysely<ActionsDB> | Transaction<ActionsDB>;

/**
 * Cancels the live reminders of one meeting of a chat, except those stored under `keepKeys` (a
 * booking delivered twice keeps its own reminders; a moved meeting cancels the old ones).
 */
export async function cancelMeetingReminders(db: Db, actor: Actor, chatId: string, meetingId: string, reason: string, keepKeys: readonly string[] = []): Promise<Cancelled[]> {
  let q = db
    .updateTable('scheduled_actions')
    .set({ status: 'cancelled', cancelled_at: sql`now()`, cancel_reason: reason, ...signedBy(actor) })
    .where('chat_id', '=', chatId)
    .where('meeting_id', '=', meetingId)
    .where('status', 'in', ['pending', 'claimed']);
  if (keepKeys.length > 0) q = q.where('idempotency_key', 'not in', [...keepKeys]);
  return q.returning(['id', sql<string>`chat_id::text`.as('chat_id')]).execute();
}
