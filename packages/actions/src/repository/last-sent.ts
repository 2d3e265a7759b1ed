import { sql, type Kysely } from 'kysely';
import type { ActionsDB } from '../tables.js';

/** When the chat last received a message of an action (null: never): the per-chat gap counts from it. */
export async function lastSentAt(db: Kysely<ActionsDB>, chatId: string): Promise<Date | null> {
  const row = await db.selectFrom('scheduled_actions').select(sql<Date | null>`max(sent_at)`.as('at')).where('chat_id', '=', chatId).where('status', '=', 'sent').executeTakeFirst();
  return row?.at ?? null;
}
