import { sql, type Kysely } from 'kysely';
import { actionMigrations, type ActionsDB } from '@followups/actions';
import { connectDatabase, ensureStreams, migrateToLatest } from '@followups/kit';
import { sleep, startTestBed, testLogger, type TestBed } from '@followups/kit/testing';

/** A private nats-server and database for one benchmark scenario, so scenarios never share counts. */
export interface BenchEnv extends TestBed {
  db: Kysely<ActionsDB>;
  env: Record<string, string>;
}

export async function benchEnv(label: string): Promise<BenchEnv> {
  const bed = await startTestBed(`bench_${label}`);
  await ensureStreams(bed.jsm, ['conv', 'schedule', 'dispatch', 'ops', 'sandboxInput', 'sandboxDelivered', 'deadLetter']);
  const db = await connectDatabase<ActionsDB>(bed.databaseUrl, testLogger(), { poolSize: 4 });
  await migrateToLatest(db, actionMigrations, 'actions', testLogger());
  return {
    ...bed,
    db,
    env: { NATS_URL: bed.server.url, DATABASE_URL: bed.databaseUrl, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn' },
    async close() {
      await db.destroy();
      await bed.close();
    },
  };
}

export async function countByStatus(db: Kysely<ActionsDB>, status: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from scheduled_actions where status = ${status}`.execute(db);
  return Number(rows[0]!.n);
}

/** Polls until `probe` reaches `target`, printing a progress line every second; returns elapsed ms. */
export async function timeUntil(what: string, target: number, probe: () => Promise<number>, startedAt = performance.now(), timeoutMs = 600_000): Promise<number> {
  let lastPrint = performance.now();
  for (;;) {
    const n = await probe();
    const now = performance.now();
    if (n >= target) return now - startedAt;
    if (now - lastPrint > 1000) {
      process.stderr.write(`  ${what}: ${n}/${target} after ${((now - startedAt) / 1000).toFixed(1)} s\n`);
      lastPrint = now;
    }
    if (now - startedAt > timeoutMs) throw new Error(`${what}: only ${n}/${target} after ${timeoutMs} ms`);
    await sleep(20);
  }
}

export const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
