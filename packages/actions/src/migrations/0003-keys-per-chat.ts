import { sql, type Kysely } from 'kysely';

/**
 * An idempotency key names one action within its chat: the same key used for two chats names two
 * actions, where a global key let whichever arrived first swallow the other in silence.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table scheduled_actions drop constraint scheduled_actions_idempotency_key_key`.execute(db);
  await sql`alter table scheduled_actions add constraint scheduled_actions_chat_key unique (chat_id, idempotency_key)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table scheduled_actions drop constraint scheduled_actions_chat_key`.execute(db);
  await sql`alter table scheduled_actions add constraint scheduled_actions_idempotency_key_key unique (idempotency_key)`.execute(db);
}
