import type { Kysely } from 'kysely';
import type { Language } from '../brain/brain.js';
import { detectLanguage } from '../brain/language.js';
import type { AgentDB } from '../db/schema.js';

/**
 * The language to write a follow-up in: the one the client last wrote in (as `touchChat` noted
 * it), else the planned text's own (it was written in the client's language), else English, as
 * the brains default.
 */
export async function chatLanguage(db: Kysely<AgentDB>, chatId: string, planned: string): Promise<Language> {
  const row = await db.selectFrom('agent_chats').select('language').where('chat_id', '=', chatId).executeTakeFirst();
  if (row?.language === 'ru' || row?.language === 'en') return row.language;
  return detectLanguage(planned) ?? 'en';
}
