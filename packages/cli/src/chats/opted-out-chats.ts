import type { Kysely } from 'kysely';
import type { ActionsDB } from '@followups/actions';

export interface OptedOutChat {
  chatId: string;
  at: Date;
  by: 'client' | 'operator';
  /** The client message that opted out, when it was one. */
  messageId: number | null;
  /** The chat's own zone, null for the team's. */
  timeZone: string | null;
}

/**
 * The chats marked do-not-contact, most recent first. Here rather than in @followups/actions
 * because only the operator's listing needs it; the services ask about one chat at a time.
 */
export async function listOptedOutChats(db: Kysely<ActionsDB>, limit = 1000): Promise<OptedOutChat[]> {
  const rows = await db
    .selectFrom('chats')
    .select(['chat_id', 'opted_out_at', 'opted_out_by', 'opted_out_message_id', 'time_zone'])
    .where('opted_out_at', 'is not', null)
    .orderBy('opted_out_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    chatId: String(r.chat_id),
    at: r.opted_out_at!,
    by: r.opted_out_by ?? 'client',
    messageId: r.opted_out_message_id === null ? null : Number(r.opted_out_message_id),
    timeZone: r.time_zone,
  }));
}
