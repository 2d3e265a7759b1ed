import type { Kysely } from 'kysely';
import type { AgentDB } from './schema.js';

export interface ChatSettings {
  timeZone: string | null;
  language: string | null;
  /** Set while the client does not want to be contacted: no follow-up is scheduled for them. */
  optedOutAt: Date | null;
}

/**
 * Notes that the client wrote (and in which language, when the message tells) and returns the
 * chat's settings, in one round trip. A message without letters keeps the language known before.
 */
export async function touchChat(db: Kysely<AgentDB>, chatId: string, language: string | null, at: Date): Promise<ChatSettings> {
  const row = await db
    .insertInto('agent_chats')
    .values({ chat_id: chatId, language, updated_at: at })
    .onConflict((oc) =>
      oc.column('chat_id').doUpdateSet((eb) => ({
        language: eb.fn.coalesce(eb.ref('excluded.language'), eb.ref('agent_chats.language')),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .returning(['time_zone', 'language', 'opted_out_at'])
    .executeTakeFirstOrThrow();
  return { timeZone: row.time_zone, language: row.language, optedOutAt: row.opted_out_at };
}

/** Records an opt-out (`at`) or lifts it (`null`). The row exists: touchChat ran for the message. */
export async function setOptedOut(db: Kysely<AgentDB>, chatId: string, at: Date | null): Promise<void> {
  await db.updateTable('agent_chats').set({ opted_out_at: at }).where('chat_id', '=', chatId).execute();
}
