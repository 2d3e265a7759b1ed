import { sql, type Kysely, type Transaction } from 'kysely';
import { signatureSql, type Actor } from '../actor.js';
import type { ActionsDB } from '../tables.js';
import type { Cancelled } from './cancel-actions.js';

type Db = Kysely<ActionsDB> | Transaction<ActionsDB>;

/**
 * Keeps at most `keep` pending follow-ups per chat: the newest stay, older ones are cancelled
 * (`replaced_by_newer`), so no conversation — and no client talking the agent into it — piles up
 * messages for later. One statement for every chat of a batch.
 */
export async function trimPendingFollowUps(db: Db, actor: Actor, chatIds: readonly string[], keep: number): Promise<Cancelled[]> {
  if (chatIds.length === 0) return [];
  const { rows } = await sql<Cancelled>`
    update scheduled_actions a
       set status = 'cancelled', cancelled_at = now(), cancel_reason = 'replaced_by_newer', ${signatureSql(actor, `more than ${keep} pending follow-ups in the chat`)}
      from (select id, row_number() over (partition by chat_id order by created_at desc, id desc) as newest
              from scheduled_actions
             where chat_id = any(${sql.val(chatIds)}::bigint[]) and type = 'follow_up' and status = 'pending') ranked
     where a.id = ranked.id and ranked.newest > ${keep} and a.status = 'pending'
    returning a.id, a.chat_id::text as chat_id`.execute(db);
  return rows;
}
