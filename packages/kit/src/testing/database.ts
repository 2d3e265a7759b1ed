import pg from 'pg';

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PREFIX = 'followups_t';

/**
 * A fresh database for one test file, named with its creation time so stale ones can be
 * swept later. It is not dropped at the end: a failed test's rows stay for debugging.
 */
export async function createTestDatabase(label = 'x'): Promise<string> {
  const name = `${PREFIX}_${Math.floor(Date.now() / 1000)}_${label.replace(/\W/g, '').slice(0, 20)}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase();
  await withAdmin((c) => c.query(`create database "${name}"`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops one database made by `createTestDatabase`, for callers whose rows are worth nothing afterwards (benchmarks). */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!name.startsWith(`${PREFIX}_`)) throw new Error(`refusing to drop ${name}: not a test database`);
  await withAdmin((c) => c.query(`drop database if exists "${name}" with (force)`));
}

/** Drops test databases older than `maxAgeHours`, so repeated runs do not pile them up. */
export async function dropStaleTestDatabases(maxAgeHours = 6): Promise<number> {
  return withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(`select datname from pg_database where datname like '${PREFIX}\\_%'`);
    const cutoff = Date.now() / 1000 - maxAgeHours * 3600;
    let dropped = 0;
    for (const { datname } of rows) {
      const created = Number(datname.split('_')[2]);
      if (!Number.isFinite(created) || created > cutoff) continue;
      await c.query(`drop database if exists "${datname}" with (force)`);
      dropped++;
    }
    return dropped;
  });
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
