import { sql, type Kysely, type Transaction } from 'kysely';
import type { CancelTrigger } from '@followups/contracts';
import type { ActionsDB } from '../tables.js';

type Db = Kysely<ActionsDB> | Transaction<ActionsDB>;
export interface Cancelled {
  id: string;
  chat_id: string;
}

const LIVE = ['pending', 'claimed'] as const;

/**
 * Cancels, in one statement for the whole batch, every live action that a client message
 * cancels: same chat, policy includes `client_reply`, and created before the message (its
 * `context_at` is older than the message), so the message that asked for a follow-up never
 * cancels it.
 */
export async function cancelOnClientMessages(db: Db, messages: { chatId: string; at: Date }[]): Promise<Cancelled[]> {
  if (messages.length === 0) return [];
  const result = await sql<Cancelled>`
    update scheduled_actions a
       set status = 'cancelled', cancelled_at = now(), cancel_reason = 'client_replied'
      from (select unnest(${messages.map((m) => m.chatId)}::bigint[]) as chat_id,
                   unnest(${messages.map((m) => m.at.toISOString())}::timestamptz[]) as at) m
     where a.chat_id = m.chat_id
       and a.status in ('pending', 'claimed')
       and 'client_reply' = any(a.cancel_on)
       and a.context_at < m.at
    returning a.id, a.chat_id::text as chat_id`.execute(db);
  return result.rows;
}

/** Cancels the chat's live actions whose policy includes `trigger` (all live ones when omitted). */
export async function cancelChatActions(db: Db, chatId: string, reason: string, trigger?: CancelTrigger): Promise<Cancelled[]> {
  let q = db
    .updateTable('scheduled_actions')
    .set({ status: 'cancelled', cancelled_at: sql`now()`, cancel_reason: reason })
    .where('chat_id', '=', chatId)
    .where('status', 'in', LIVE);
  if (trigger) q = q.where(sql<boolean>`${trigger} = any(cancel_on)`);
  return q.returning(['id', sql<string>`chat_id::text`.as('chat_id')]).execute();
}

/** Cancels one action if it is still live. `null`: it had already fired or ended. */
export async function cancelAction(db: Db, actionId: string, reason: string, chatId?: string): Promise<Cancelled | null> {
  let q = db
    .updateTable('scheduled_actions')
    .set({ status: 'cancelled', cancelled_at: sql`now()`, cancel_reason: reason })
    .where('id', '=', actionId)
    .where('status', 'in', LIVE);
  if (chatId) q = q.where('chat_id', '=', chatId);
  const row = await q.returning(['id', sql<string>`chat_id::text`.as('chat_id')]).executeTakeFirst();
  return row ?? null;
}
