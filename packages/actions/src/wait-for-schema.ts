import { sql, type Kysely } from 'kysely';
import { actionMigrations } from './migrations/index.js';
import type { ActionsDB } from './tables.js';
import { describeError, sleep, type Logger } from '@followups/kit';

/**
 * Waits until the scheduler has applied every actions migration this build knows (the
 * dispatcher and the agent call it at start-up).
 *
 * Only the scheduler migrates: it owns the schema. Running the Migrator in every service would
 * be lock-safe, but a service older than the database (a rolling deploy) would then fail on
 * migrations it does not know, and two owners of one schema is one too many. Waiting for the
 * exact migrations it was built against also keeps a service from running ahead of a schema
 * that lacks a column it needs.
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
      log.warn({ missing, reason }, 'waiting for the scheduler to migrate the shared schema (scheduled_actions, chats)');
    }
    await sleep(pollMs);
  }
}
