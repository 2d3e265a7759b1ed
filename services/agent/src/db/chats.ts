import type { Kysely } from 'kysely';
import type { AgentDB } from './schema.js';

/**
 * Notes that the client wrote (and in which language, when the message tells) and returns the
 * language known for the chat, in one round trip. A message without letters keeps the language
 * known before.
 */
export async function touchChat(db: Kysely<AgentDB>, chatId: string, language: string | null, at: Date): Promise<{ language: string | null }> {
  return db
    .insertInto('agent_chats')
    .values({ chat_id: chatId, language, updated_at: at })
    .onConflict((oc) =>
      oc.column('chat_id').doUpdateSet((eb) => ({
        language: eb.fn.coalesce(eb.ref('excluded.language'), eb.ref('agent_chats.language')),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .returning(['language'])
    .executeTakeFirstOrThrow();
}
