import type { Kysely } from 'kysely';
import type { ActionStatus } from '@followups/contracts';
import type { ActionRow, ActionsDB } from '../tables.js';

/** Newest first; for the CLI and tests. */
export async function listActions(db: Kysely<ActionsDB>, filter: { chatId?: string; status?: ActionStatus; limit?: number } = {}): Promise<ActionRow[]> {
  let q = db.selectFrom('scheduled_actions').selectAll();
  if (filter.chatId) q = q.where('chat_id', '=', filter.chatId);
  if (filter.status) q = q.where('status', '=', filter.status);
  return q.orderBy('created_at', 'desc').limit(filter.limit ?? 100).execute();
}

export async function getAction(db: Kysely<ActionsDB>, id: string): Promise<ActionRow | null> {
  return (await db.selectFrom('scheduled_actions').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}
