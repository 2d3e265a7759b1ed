import { sql, type Kysely } from 'kysely';
import { signedBy, type Actor } from '../actor.js';
import type { ActionRow, ActionsDB } from '../tables.js';

/**
 * Moves a pending action to a new due time. Only `pending`: a claimed action's due event is
 * already with the dispatchers (claimed ahead, it waits there for its instant), so moving the
 * row would not move the send. `null`: it is no longer pending (or does not exist).
 */
export async function rescheduleAction(db: Kysely<ActionsDB>, actor: Actor, actionId: string, dueAt: Date): Promise<ActionRow | null> {
  const row = await db
    .updateTable('scheduled_actions')
    .set({ due_at: dueAt, ...signedBy(actor, sql<string>`'rescheduled from ' || to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`) })
    .where('id', '=', actionId)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}
