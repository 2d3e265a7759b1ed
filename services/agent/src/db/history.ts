import { pgText } from '@followups/kit';
import type { Kysely, Transaction } from 'kysely';
import type { MessageRole } from './agent-messages-table.js';
import type { AgentDB } from './schema.js';

type Db = Kysely<AgentDB> | Transaction<AgentDB>;

/** One line of a chat's conversation, as the brain sees it. */
export interface HistoryEntry {
  role: MessageRole;
  text: string;
  at: Date;
  /** The client's message id; for a bot row, the id of the client message it answered. */
  messageId: number;
}

/**
 * Stores a client message once. `handled` tells a redelivery of a message the agent already
 * finished with (skip it) from a first delivery or one interrupted halfway (decide again: the
 * publishes carry message ids, so repeating them is harmless).
 */
export async function storeClientMessage(db: Db, m: { chatId: string; messageId: number; text: string; at: Date }): Promise<{ handled: boolean }> {
  const inserted = await db
    .insertInto('agent_messages')
    .values({ chat_id: m.chatId, message_id: m.messageId, role: 'client', text: pgText(m.text), at: m.at })
    .onConflict((oc) => oc.constraint('agent_messages_once').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { handled: false };
  const existing = await db
    .selectFrom('agent_messages')
    .select('handled_at')
    .where('chat_id', '=', m.chatId)
    .where('role', '=', 'client')
    .where('message_id', '=', String(m.messageId))
    .executeTakeFirst();
  return { handled: existing?.handled_at != null };
}

/** The newest `limit` rows of a chat, oldest first, without the client message being answered. */
export async function recentHistory(db: Db, chatId: string, limit: number, answering: number): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('agent_messages')
    .select(['role', 'text', 'at', 'message_id'])
    .where('chat_id', '=', chatId)
    .where((eb) => eb.or([eb('role', '!=', 'client'), eb('message_id', '!=', String(answering))]))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse().map((r) => ({ role: r.role, text: r.text, at: r.at, messageId: Number(r.message_id) }));
}

/**
 * Records the outcome of a client message in one transaction: the bot's reply (its parts
 * joined), the client row marked handled, and the chat trimmed to its newest `keep` rows.
 */
export async function finishMessage(
  db: Kysely<AgentDB>,
  m: { chatId: string; messageId: number; reply: string | null; at: Date; keep: number },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    if (m.reply) {
      await tx
        .insertInto('agent_messages')
        .values({ chat_id: m.chatId, message_id: m.messageId, role: 'bot', text: pgText(m.reply), at: m.at })
        .onConflict((oc) => oc.constraint('agent_messages_once').doNothing())
        .execute();
    }
    await tx
      .updateTable('agent_messages')
      .set({ handled_at: m.at })
      .where('chat_id', '=', m.chatId)
      .where('role', '=', 'client')
      .where('message_id', '=', String(m.messageId))
      .execute();
    await trimHistory(tx, m.chatId, m.keep);
  });
}

/** Deletes a chat's rows older than its newest `keep`. */
export async function trimHistory(db: Db, chatId: string, keep: number): Promise<number> {
  const boundary = db
    .selectFrom('agent_messages')
    .select('id')
    .where('chat_id', '=', chatId)
    .orderBy('id', 'desc')
    .offset(keep)
    .limit(1);
  const result = await db.deleteFrom('agent_messages').where('chat_id', '=', chatId).where('id', '<=', boundary).executeTakeFirst();
  return Number(result.numDeletedRows);
}
