import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agent_chats')
    .addColumn('chat_id', 'bigint', (c) => c.primaryKey())
    .addColumn('time_zone', 'text')
    .addColumn('language', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('agent_messages')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('chat_id', 'bigint', (c) => c.notNull())
    .addColumn('message_id', 'bigint', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('client','bot')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('handled_at', 'timestamptz')
    .addUniqueConstraint('agent_messages_once', ['chat_id', 'role', 'message_id'])
    .execute();
  // Reading a chat's newest rows and trimming the older ones both walk this index.
  await sql`create index agent_messages_by_chat on agent_messages (chat_id, id desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agent_messages').execute();
  await db.schema.dropTable('agent_chats').execute();
}
