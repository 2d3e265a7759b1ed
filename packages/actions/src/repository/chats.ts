import { sql, type Kysely, type Transaction } from 'kysely';
import type { ActionsDB, ChatRow } from '../tables.js';

type Db = Kysely<ActionsDB> | Transaction<ActionsDB>;

/** A chat's settings as the services use them; a chat without a row has the defaults. */
export interface ChatSettings {
  chatId: string;
  /** Null: the team's default zone. */
  timeZone: string | null;
  timeZoneSource: 'client' | 'operator' | null;
  optedOut: { at: Date; by: 'client' | 'operator'; messageId: number | null } | null;
}

const defaults = (chatId: string): ChatSettings => ({ chatId, timeZone: null, timeZoneSource: null, optedOut: null });

function toSettings(row: ChatRow): ChatSettings {
  return {
    chatId: String(row.chat_id),
    timeZone: row.time_zone,
    timeZoneSource: row.time_zone_source,
    optedOut: row.opted_out_at
      ? { at: row.opted_out_at, by: row.opted_out_by ?? 'client', messageId: row.opted_out_message_id === null ? null : Number(row.opted_out_message_id) }
      : null,
  };
}

export async function getChat(db: Db, chatId: string): Promise<ChatSettings> {
  const row = await db.selectFrom('chats').selectAll().where('chat_id', '=', chatId).executeTakeFirst();
  return row ? toSettings(row) : defaults(chatId);
}

/** Settings of several chats at once (a listing shows each action in its chat's zone). */
export async function getChats(db: Db, chatIds: readonly string[]): Promise<Map<string, ChatSettings>> {
  const unique = [...new Set(chatIds)];
  const found = unique.length ? await db.selectFrom('chats').selectAll().where('chat_id', 'in', unique).execute() : [];
  const byId = new Map(found.map((r) => [String(r.chat_id), toSettings(r)]));
  return new Map(unique.map((id) => [id, byId.get(id) ?? defaults(id)]));
}

/** Sets the chat's zone (`null`: back to the team's default) and says who set it. */
export async function setChatTimeZone(db: Db, chatId: string, timeZone: string | null, source: 'client' | 'operator'): Promise<void> {
  const values = { time_zone: timeZone, time_zone_source: timeZone === null ? null : source, updated_at: sql<Date>`now()` };
  await db
    .insertInto('chats')
    .values({ chat_id: chatId, ...values })
    .onConflict((oc) => oc.column('chat_id').doUpdateSet(values))
    .execute();
}

/**
 * Marks the chat do-not-contact. A chat already opted out keeps its first mark, so a second
 * "stop" does not open another window for a goodbye. Returns whether this call set it.
 */
export async function markOptedOut(db: Db, chatId: string, mark: { at: Date; by: 'client' | 'operator'; messageId?: number }): Promise<boolean> {
  const values = { opted_out_at: mark.at, opted_out_by: mark.by, opted_out_message_id: mark.messageId ?? null, updated_at: sql<Date>`now()` };
  const row = await db
    .insertInto('chats')
    .values({ chat_id: chatId, ...values })
    .onConflict((oc) => oc.column('chat_id').doUpdateSet(values).where('chats.opted_out_at', 'is', null))
    .returning('chat_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Lifts the do-not-contact mark (an operator's decision). Returns whether there was one. */
export async function clearOptOut(db: Db, chatId: string): Promise<boolean> {
  const r = await db
    .updateTable('chats')
    .set({ opted_out_at: null, opted_out_by: null, opted_out_message_id: null, updated_at: sql<Date>`now()` })
    .where('chat_id', '=', chatId)
    .where('opted_out_at', 'is not', null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}
