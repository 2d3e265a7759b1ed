import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('scheduled_actions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('chat_id', 'bigint', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`status in ('pending','claimed','sending','sent','cancelled','expired','failed')`),
    )
    .addColumn('cancel_on', sql`text[]`, (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text')
    .addColumn('context_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('claimed_at', 'timestamptz')
    .addColumn('sending_at', 'timestamptz')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancel_reason', 'text')
    .addColumn('claim_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .execute();
  // The tick's query: pending rows by due time. Partial, so millions of finished rows cost nothing.
  await sql`create index scheduled_actions_pending_due on scheduled_actions (due_at) where status = 'pending'`.execute(db);
  // Lease scans: claimed/sending rows whose holder went quiet.
  await sql`create index scheduled_actions_in_flight on scheduled_actions (claimed_at) where status in ('claimed','sending')`.execute(db);
  // Cancellation by chat touches only live rows.
  await sql`create index scheduled_actions_live_by_chat on scheduled_actions (chat_id) where status in ('pending','claimed')`.execute(db);
  await sql`create index scheduled_actions_by_chat_created on scheduled_actions (chat_id, created_at desc)`.execute(db);

  await db.schema
    .createTable('chat_controls')
    .addColumn('chat_id', 'bigint', (c) => c.primaryKey())
    .addColumn('under_human', 'boolean', (c) => c.notNull())
    .addColumn('operator', 'text')
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('chat_controls').execute();
  await db.schema.dropTable('scheduled_actions').execute();
}
