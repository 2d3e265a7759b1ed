import type { ColumnType } from 'kysely';

/** What the agent knows about a chat. A null zone means DEFAULT_TIME_ZONE, so changing the default reaches every chat. */
export interface AgentChatsTable {
  /** Telegram chat id; int8 comes back from pg as a decimal string, which is what the contracts use. */
  chat_id: string;
  /** IANA zone, e.g. `Asia/Makassar`. */
  time_zone: string | null;
  /** `ru` | `en`: the language the client last wrote in. */
  language: string | null;
  updated_at: ColumnType<Date, Date | string, Date | string>;
  /** When the client said they do not want to be contacted; null once they ask to be contacted again. */
  opted_out_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}
