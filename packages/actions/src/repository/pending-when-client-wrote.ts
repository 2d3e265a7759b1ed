import { sql, type Kysely } from 'kysely';
import type { ActionRow, ActionsDB } from '../tables.js';

/**
 * The chat's follow-ups that were waiting when the client wrote `message`: scheduled in view of
 * earlier messages, due after it, and either still live or cancelled by this very message
 * (the scheduler may have handled the message before or after the agent asks). The agent keeps
 * them when the message does not change the plan ("ок, спасибо"), so an acknowledgement of a
 * promise never cancels the promise.
 */
export async function pendingWhenClientWrote(db: Kysely<ActionsDB>, chatId: string, message: { messageId: number; at: Date }): Promise<ActionRow[]> {
  return db
    .selectFrom('scheduled_actions')
    .selectAll()
    .where('chat_id', '=', chatId)
    .where(sql<boolean>`'client_reply' = any(cancel_on)`)
    .where('context_at', '<', message.at)
    .where('due_at', '>', message.at)
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['pending', 'claimed']),
        eb.and([eb('status', '=', 'cancelled'), eb('cancel_reason', '=', 'client_replied'), eb('cancelled_by_message', '=', String(message.messageId))]),
      ]),
    )
    .orderBy('due_at')
    .limit(10)
    .execute();
}
