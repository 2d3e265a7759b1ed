import { sql, type Kysely } from 'kysely';

/**
 * A chat's time zone and opt-out moved to the shared `chats` table (the actions schema, which
 * the scheduler migrates and the agent waits for): the CLI sets zones and clears opt-outs, and
 * the dispatcher refuses to write to a chat that opted out. What the agent knew moves with them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    insert into chats (chat_id, time_zone, time_zone_source, opted_out_at, opted_out_by)
    select chat_id, time_zone, case when time_zone is null then null else 'client' end,
           opted_out_at, case when opted_out_at is null then null else 'client' end
      from agent_chats
     where time_zone is not null or opted_out_at is not null
    on conflict (chat_id) do nothing`.execute(db);
  await db.schema.alterTable('agent_chats').dropColumn('time_zone').dropColumn('opted_out_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('agent_chats').addColumn('time_zone', 'text').addColumn('opted_out_at', 'timestamptz').execute();
  await sql`update agent_chats a set time_zone = c.time_zone, opted_out_at = c.opted_out_at from chats c where c.chat_id = a.chat_id`.execute(db);
}
