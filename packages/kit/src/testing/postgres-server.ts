import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './nats-server.js';

const run = promisify(execFile);

export interface TestPostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`: trust auth, the cluster's own. */
  url: string;
  /** `pg_ctl restart -m fast`: every connection is terminated (57P01), as in a real restart. */
  restart(): Promise<void>;
  /** Stops the server; its data stays, so `start()` brings it back. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its data. */
  close(): Promise<void>;
}

/** Debian's Postgres binaries (PG_BIN_DIR elsewhere). */
function binDir(): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  for (const v of ['17', '16', '15', '14']) {
    const dir = `/usr/lib/postgresql/${v}/bin`;
    if (existsSync(join(dir, 'initdb'))) return dir;
  }
  return '/usr/lib/postgresql/15/bin';
}

/**
 * A Postgres cluster of the test's own, on a free port, for faults the machine's shared server
 * must never see (restarts, stops). initdb refuses to run as root, so as root the cluster runs as
 * the `postgres` user. About 2 s to create.
 */
export async function startPostgresServer(): Promise<TestPostgresServer> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'followups-pg-'));
  chmodSync(dir, 0o777); // the postgres user writes here when we are root
  const data = join(dir, 'data');
  const port = await freePort();
  const asOwner = async (cmd: string, args: string[]) => {
    const root = process.getuid?.() === 0;
    await run(root ? 'runuser' : join(bin, cmd), root ? ['-u', 'postgres', '--', join(bin, cmd), ...args] : args, { timeout: 60_000 });
  };
  await asOwner('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const ctl = (action: string, ...extra: string[]) =>
    asOwner('pg_ctl', [action, '-D', data, '-w', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, ...extra]);
  await ctl('start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => ctl('restart', '-m', 'fast'),
    stop: () => ctl('stop', '-m', 'fast'),
    start: () => ctl('start'),
    async close() {
      await ctl('stop', '-m', 'immediate').catch(() => {}); // already stopped is fine
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
