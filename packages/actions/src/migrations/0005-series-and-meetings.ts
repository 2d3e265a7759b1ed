import { sql, type Kysely } from 'kysely';

/**
 * Recurring actions and meeting reminders.
 *
 * `recurrence` (pattern, zone, description) and `series_id` (the first occurrence's id, shared by
 * every occurrence): when an occurrence is claimed, the next is inserted under the idempotency
 * key `series:<series_id>:<due>`, so two schedulers racing, or a retried claim, store it once.
 * `meeting_id`: the meeting a reminder belongs to, so `meeting.cancelled` (or the meeting booked
 * again) cancels exactly its reminders.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('scheduled_actions')
    .addColumn('recurrence', 'jsonb')
    .addColumn('series_id', 'uuid')
    .addColumn('meeting_id', 'text')
    .execute();
  await sql`create index scheduled_actions_live_series on scheduled_actions (series_id) where series_id is not null and status in ('pending','claimed')`.execute(db);
  await sql`create index scheduled_actions_live_meeting on scheduled_actions (chat_id, meeting_id) where meeting_id is not null and status in ('pending','claimed')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('scheduled_actions').dropColumn('meeting_id').dropColumn('series_id').dropColumn('recurrence').execute();
}
