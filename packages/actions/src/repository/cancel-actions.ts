import { sql, type Kysely, type Transaction } from 'kysely';
import type { ActionType, CancelTrigger } from '@followups/contracts';
import { actors, signatureSql, signedBy, type Actor } from '../actor.js';
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
 * cancels it. Each row remembers which message cancelled it (`cancelled_by_message`).
 */
export async function cancelOnClientMessages(db: Db, messages: { chatId: string; at: Date; messageId: number }[]): Promise<Cancelled[]> {
  if (messages.length === 0) return [];
  const result = await sql<Cancelled>`
    update scheduled_actions a
       set status = 'cancelled', cancelled_at = now(), cancel_reason = 'client_replied', cancelled_by_message = m.message_id,
           ${signatureSql(actors.client, sql<string>`'client_replied (message ' || m.message_id || ')'`)}
      from (select unnest(${messages.map((m) => m.chatId)}::bigint[]) as chat_id,
                   unnest(${messages.map((m) => m.at.toISOString())}::timestamptz[]) as at,
                   unnest(${messages.map((m) => String(m.messageId))}::bigint[]) as message_id) m
     where a.chat_id = m.chat_id
       and a.status in ('pending', 'claimed')
       and 'client_reply' = any(a.cancel_on)
       and a.context_at < m.at
    returning a.id, a.chat_id::text as chat_id`.execute(db);
  return result.rows;
}

export interface ChatCancelScope {
  /** Only actions whose policy includes it. */
  trigger?: CancelTrigger;
  /** Only actions of these types. */
  types?: readonly ActionType[];
  /** Only actions scheduled in view of client messages before this moment (`context_at` earlier). */
  before?: Date;
}

/** Cancels the chat's live actions within `scope` (all live ones when it is empty). */
export async function cancelChatActions(db: Db, actor: Actor, chatId: string, reason: string, scope: ChatCancelScope = {}): Promise<Cancelled[]> {
  let q = db
    .updateTable('scheduled_actions')
    .set({ status: 'cancelled', cancelled_at: sql`now()`, cancel_reason: reason, ...signedBy(actor) })
    .where('chat_id', '=', chatId)
    .where('status', 'in', LIVE);
  if (scope.trigger) q = q.where(sql<boolean>`${scope.trigger} = any(cancel_on)`);
  if (scope.types) q = q.where('type', 'in', [...scope.types]);
  if (scope.before) q = q.where('context_at', '<', scope.before);
  return q.returning(['id', sql<string>`chat_id::text`.as('chat_id')]).execute();
}

/**
 * Cancels one action if it is still live, and with it every live occurrence of its series: a
 * recurring action is cancelled as one, whichever occurrence is named (even one already sent).
 * Empty: nothing of it was live any more.
 */
export async function cancelAction(db: Db, actor: Actor, actionId: string, reason: string, chatId?: string): Promise<Cancelled[]> {
  const { rows } = await sql<Cancelled>`
    update scheduled_actions a
       set status = 'cancelled', cancelled_at = now(), cancel_reason = ${reason}, ${signatureSql(actor)}
      from (select id, series_id, chat_id from scheduled_actions where id = ${actionId}) named
     where a.chat_id = named.chat_id
       and (a.id = named.id or a.series_id = named.series_id)
       and a.status in ('pending', 'claimed')
       ${chatId !== undefined ? sql`and a.chat_id = ${chatId}` : sql``}
    returning a.id, a.chat_id::text as chat_id`.execute(db);
  return rows;
}
