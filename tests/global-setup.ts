import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { dropStaleTestDatabases, natsServerBin } from '@followups/kit/testing';

/** Fails fast with a clear message when what every test needs is missing. */
export default async function setup(): Promise<void> {
  try {
    execFileSync(natsServerBin(), ['--version'], { stdio: 'pipe' });
  } catch {
    throw new Error('nats-server not found on PATH or in /usr/sbin (set NATS_SERVER_BIN): tests start their own JetStream servers with it');
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
