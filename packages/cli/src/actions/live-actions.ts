import type { Kysely } from 'kysely';
import type { ActionRow, ActionsDB } from '@followups/actions';

/** A chat's actions that may still fire (pending, or claimed and on its way), soonest first. */
export function liveActionsOf(db: Kysely<ActionsDB>, chatId: string, limit = 100): Promise<ActionRow[]> {
  return db
    .selectFrom('scheduled_actions')
    .selectAll()
    .where('chat_id', '=', chatId)
    .where('status', 'in', ['pending', 'claimed'])
    .orderBy('due_at')
    .limit(limit)
    .execute();
}
