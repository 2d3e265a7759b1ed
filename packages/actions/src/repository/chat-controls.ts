import { type Kysely, type Transaction } from 'kysely';
import type { ActionsDB } from '../tables.js';

type Db = Kysely<ActionsDB> | Transaction<ActionsDB>;

/**
 * Records that a human took the chat over or released it. A redelivered older event never
 * overwrites a newer one: the stored `changed_at` only moves forward.
 */
export async function setChatControl(db: Db, chatId: string, underHuman: boolean, operator: string | null, changedAt: Date): Promise<void> {
  await db
    .insertInto('chat_controls')
    .values({ chat_id: chatId, under_human: underHuman, operator, changed_at: changedAt })
    .onConflict((oc) =>
      oc
        .column('chat_id')
        .doUpdateSet((eb) => ({ under_human: eb.ref('excluded.under_human'), operator: eb.ref('excluded.operator'), changed_at: eb.ref('excluded.changed_at') }))
        .where('chat_controls.changed_at', '<=', changedAt),
    )
    .execute();
}

/** The chats among `chatIds` that a human holds now. */
export async function chatsUnderHuman(db: Db, chatIds: string[]): Promise<Set<string>> {
  if (chatIds.length === 0) return new Set();
  const rows = await db.selectFrom('chat_controls').select('chat_id').where('chat_id', 'in', chatIds).where('under_human', '=', true).execute();
  return new Set(rows.map((r) => String(r.chat_id)));
}
