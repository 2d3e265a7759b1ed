import type { ColumnType, Generated } from 'kysely';

export type MessageRole = 'client' | 'bot';

/**
 * A chat's recent conversation, the context the brain decides on. Unique per
 * (chat, role, message id), so a redelivered `conv.in` is stored once. A bot row's message id
 * is the id of the client message it answers.
 */
export interface AgentMessagesTable {
  /** Insertion order; trimming keeps the newest HISTORY_LIMIT rows of a chat. */
  id: Generated<string>;
  chat_id: string;
  message_id: ColumnType<string, number, never>;
  role: MessageRole;
  text: string;
  at: ColumnType<Date, Date | string, never>;
  /** Client rows: when the agent finished with the message. Null: not yet (or it crashed halfway). */
  handled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string>;
}
