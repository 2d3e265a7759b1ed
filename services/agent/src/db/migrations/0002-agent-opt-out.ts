import type { Kysely } from 'kysely';

/** When the client asked not to be contacted; null: they have not, or asked to be contacted again since. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('agent_chats').addColumn('opted_out_at', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('agent_chats').dropColumn('opted_out_at').execute();
}
