import { sql, type Kysely } from 'kysely';
import { signatureSql, type Actor } from '../actor.js';
import type { ActionRow, ActionsDB } from '../tables.js';

// Both claims pick their rows in a MATERIALIZED CTE: it runs exactly once. Written as
// `WHERE id IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)` the planner may rescan the
// subquery and lock (and claim) far more than n rows.

/**
 * Claims up to `limit` pending actions whose time has come, or comes within `aheadMs`, in one
 * statement. Postgres' `now()` is the only clock, and `FOR UPDATE SKIP LOCKED` lets any number of
 * schedulers claim at once without ever claiming the same row twice. A row claimed ahead waits in
 * a dispatcher until its instant and is re-checked then; cancelling still works on it.
 */
export async function claimDueActions(db: Kysely<ActionsDB>, actor: Actor, limit: number, aheadMs = 0): Promise<ActionRow[]> {
  const { rows } = await sql<ActionRow>`
    with due as materialized (
      select id from scheduled_actions
       where status = 'pending' and due_at <= now() + make_interval(secs => ${aheadMs / 1000})
       order by due_at
       limit ${limit}
       for update skip locked)
    update scheduled_actions a
       set status = 'claimed', claimed_at = now(), claim_count = a.claim_count + 1, ${signatureSql(actor)}
      from due
     where a.id = due.id
    returning a.*`.execute(db);
  return rows;
}

/**
 * Re-claims actions claimed longer than `leaseMs` ago whose due event no dispatcher acted on
 * (the publish was lost, or the scheduler died between claim and publish), so they are
 * published again. The dispatcher's own transition makes a second event harmless.
 */
export async function reclaimExpiredClaims(db: Kysely<ActionsDB>, actor: Actor, leaseMs: number, limit: number): Promise<ActionRow[]> {
  const { rows } = await sql<ActionRow>`
    with stale as materialized (
      select id from scheduled_actions
       where status = 'claimed' and claimed_at < now() - make_interval(secs => ${leaseMs / 1000})
       order by claimed_at
       limit ${limit}
       for update skip locked)
    update scheduled_actions a
       set claimed_at = now(), claim_count = a.claim_count + 1, ${signatureSql(actor, 'lease ran out: due event published again')}
      from stale
     where a.id = stale.id
    returning a.*`.execute(db);
  return rows;
}
