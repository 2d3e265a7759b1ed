import { sql, type Kysely } from 'kysely';

/**
 * What every service knows about a chat beyond its actions: the client's own time zone (learnt
 * from the conversation or set by an operator) and whether the client opted out. The dispatcher
 * reads the opt-out before every bot message, the agent and the CLI read and write both.
 *
 * `scheduled_actions.cancelled_by_message`: the client message whose arrival cancelled the action,
 * so the agent can tell which follow-up a reply like "ок, спасибо" cancelled and keep it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('chats')
    .addColumn('chat_id', 'bigint', (c) => c.primaryKey())
    .addColumn('time_zone', 'text')
    .addColumn('time_zone_source', 'text', (c) => c.check(sql`time_zone_source in ('client','operator')`))
    .addColumn('opted_out_at', 'timestamptz')
    .addColumn('opted_out_by', 'text', (c) => c.check(sql`opted_out_by in ('client','operator')`))
    .addColumn('opted_out_message_id', 'bigint')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.alterTable('scheduled_actions').addColumn('cancelled_by_message', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('scheduled_actions').dropColumn('cancelled_by_message').execute();
  await db.schema.dropTable('chats').execute();
}
