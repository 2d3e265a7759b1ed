import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { dropStaleTestDatabases } from '@followups/kit/testing';

/** Fails fast with a clear message when what every test needs is missing. */
export default async function setup(): Promise<void> {
  try {
    execFileSync(process.env.NATS_SERVER_BIN ?? 'nats-server', ['--version'], { stdio: 'pipe' });
  } catch {
    throw new Error('nats-server is not on PATH (set NATS_SERVER_BIN): tests start their own JetStream servers with it');
  }
  const admin = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: admin });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(`Postgres is not reachable at ${admin}: ${(e as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
  await dropStaleTestDatabases();
}
