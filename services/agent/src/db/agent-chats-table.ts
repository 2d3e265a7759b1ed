import type { ColumnType } from 'kysely';

/**
 * What the agent alone knows about a chat: the language the client writes in. The chat's time
 * zone and opt-out live in the shared `chats` table (`@followups/actions`).
 */
export interface AgentChatsTable {
  /** Telegram chat id; int8 comes back from pg as a decimal string, which is what the contracts use. */
  chat_id: string;
  /** `ru` | `en`: the language the client last wrote in. */
  language: string | null;
  updated_at: ColumnType<Date, Date | string, Date | string>;
}
