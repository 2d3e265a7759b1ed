import type { Kysely } from 'kysely';
import type { AgentDB } from './schema.js';

export interface ChatSettings {
  timeZone: string | null;
  language: string | null;
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
    .returning(['time_zone', 'language'])
    .executeTakeFirstOrThrow();
  return { timeZone: row.time_zone, language: row.language };
}

