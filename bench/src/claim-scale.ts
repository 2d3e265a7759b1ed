import { sql } from 'kysely';
import { actionMigrations, claimDueActions, type ActionsDB } from '@followups/actions';
import { connectDatabase, migrateToLatest } from '@followups/kit';
import { createTestDatabase, dropTestDatabase, testLogger } from '@followups/kit/testing';

const log = testLogger('bench');

export interface ClaimScaleResult {
  pendingNotDue: number;
  /** ms to claim 1,000 due rows (median of 5 rounds). */
  claimMsPer1000: number;
  /** The claim's plan, as Postgres runs it. */
  plan: string;
}

/**
 * The scheduler's claim with 10,000 … 1,000,000 pending actions not due yet beside the due ones:
 * the time to claim 1,000 and the plan (EXPLAIN ANALYZE) at each size. The partial index on
 * `due_at` for pending rows keeps it a range scan of what is due, however much waits.
 */
export async function claimScale(sizes: number[]): Promise<ClaimScaleResult[]> {
  const url = await createTestDatabase('bench_claim');
  const db = await connectDatabase<ActionsDB>(url, log, { poolSize: 2 });
  await migrateToLatest(db, actionMigrations, 'actions', log);
  const results: ClaimScaleResult[] = [];
  try {
    let loaded = 0;
    for (const size of sizes) {
      // Pending, a day ahead: never claimed by the rounds below (one statement per 100,000 rows).
      for (; loaded < size; loaded += Math.min(100_000, size - loaded)) {
        const n = Math.min(100_000, size - loaded);
        await sql`insert into scheduled_actions (chat_id, type, payload, due_at, cancel_on, reason, idempotency_key, source, context_at)
                  select 5000000 + g, 'follow_up', '{"text":"later"}'::jsonb, now() + interval '1 day' + g * interval '1 ms', '{client_reply,takeover}', 'bench', 'later:' || (${loaded} + g), 'api', now()
                    from generate_series(1, ${n}) as g`.execute(db);
      }
      await sql`analyze scheduled_actions`.execute(db);
      const rounds: number[] = [];
      let plan = '';
      for (let round = 0; round < 5; round++) {
        await sql`insert into scheduled_actions (chat_id, type, payload, due_at, cancel_on, reason, idempotency_key, source, context_at)
                  select 6000000 + g, 'follow_up', '{"text":"due"}'::jsonb, now() - interval '1 s', '{client_reply,takeover}', 'bench', 'due:' || ${size} || ':' || ${round} || ':' || g, 'api', now()
                    from generate_series(1, 1000) as g`.execute(db);
        if (round === 0) {
          const { rows } = await sql<{ 'QUERY PLAN': string }>`explain (analyze, costs off, timing off)
            select id from scheduled_actions where status = 'pending' and due_at <= now() order by due_at limit 1000 for update skip locked`.execute(db);
          plan = rows.map((r) => r['QUERY PLAN']).join('\n');
        }
        const started = performance.now();
        const claimed = await claimDueActions(db, 'bench', 1000);
        rounds.push(performance.now() - started);
        if (claimed.length !== 1000) throw new Error(`claimed ${claimed.length} of 1,000 due`);
      }
      rounds.sort((a, b) => a - b);
      results.push({ pendingNotDue: size, claimMsPer1000: Number(rounds[2]!.toFixed(1)), plan });
      process.stderr.write(`    ${size} pending not due: ${rounds[2]!.toFixed(1)} ms per 1,000 claimed\n`);
    }
  } finally {
    await db.destroy();
    await dropTestDatabase(url); // a million rows left behind would slow every later run on this Postgres
  }
  return results;
}
