import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { actionMigrations, type ActionsDB } from '@followups/actions';
import { describeError, sleep } from '@followups/kit';

/**
 * Waits until the scheduler has applied every actions migration this dispatcher knows.
 *
 * The dispatcher does not migrate: the scheduler owns the schema. Running the Migrator here too
 * would be lock-safe, but a dispatcher older than the database (a rolling deploy) would then
 * fail on migrations it does not know, and two owners of one schema is one too many. Waiting
 * for the exact migrations it was built against also keeps a dispatcher from running ahead of
 * a schema that lacks a column it needs.
 */
export async function waitForActionsSchema(db: Kysely<ActionsDB>, log: Logger, pollMs = 250): Promise<void> {
  const expected = Object.keys(actionMigrations);
  let lastLogAt = 0;
  for (;;) {
    let missing = expected;
    let reason: string | undefined;
    try {
      const { rows } = await sql<{ name: string }>`select name from actions_migrations`.execute(db);
      const applied = new Set(rows.map((r) => r.name));
      missing = expected.filter((m) => !applied.has(m));
    } catch (e) {
      reason = describeError(e); // typically: relation "actions_migrations" does not exist
    }
    if (missing.length === 0) return;
    if (Date.now() - lastLogAt > 10_000) {
      lastLogAt = Date.now();
      log.warn({ missing, reason }, 'waiting for the scheduler to migrate the actions schema (scheduled_actions)');
    }
    await sleep(pollMs);
  }
}
