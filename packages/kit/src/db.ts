import { Kysely, Migrator, PostgresDialect, type Migration } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { retryUntilReady } from './backoff.js';
import { isPermanentConnectError, permanentConnectError, redactUrl } from './connect-errors.js';

const DUPLICATE_DATABASE = '42P04';
const UNIQUE_VIOLATION = '23505'; // two CREATE DATABASE at once can also surface as this

/** Creates the URL's database when it is missing, so a fresh machine needs no manual step. */
export async function ensureDatabaseExists(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) return;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return;
    await client.query(`create database "${name.replaceAll('"', '""')}"`);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== DUPLICATE_DATABASE && code !== UNIQUE_VIOLATION) throw e;
  } finally {
    await client.end();
  }
}

/** Connects (creating the database if needed), retrying with back-off while Postgres is unreachable. */
export async function connectDatabase<DB>(url: string, log: Logger, opts: { poolSize?: number; shouldStop?: () => boolean } = {}): Promise<Kysely<DB>> {
  const pool = await retryUntilReady(
    `Postgres at ${redactUrl(url)}`,
    async () => {
      try {
        await ensureDatabaseExists(url);
        const p = survivingPool(new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10 }), log);
        try {
          await p.query('select 1');
          return p;
        } catch (e) {
          await p.end();
          throw e;
        }
      } catch (e) {
        throw isPermanentConnectError(e) ? permanentConnectError('DATABASE_URL', url, e) : e;
      }
    },
    log,
    opts.shouldStop,
  );
  log.info('connected to Postgres');
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * A connection terminated by Postgres (a restart, a failover: 57P01) makes its client emit
 * 'error'. The pool listens only while a client is idle; a client checked out between two
 * queries has no listener, and an unhandled 'error' ends the process. So every client gets its
 * own listener, from its first connection on: the query in flight fails and its caller retries,
 * and the pool drops the broken client on release (it is no longer queryable) and connects a
 * fresh one on demand.
 */
export function survivingPool(pool: pg.Pool, log: Logger): pg.Pool {
  pool.on('error', (e) => log.warn({ reason: e.message }, 'idle Postgres connection lost'));
  pool.on('connect', (client) => {
    client.on('error', (e) => log.warn({ reason: e.message, code: (e as { code?: string }).code }, 'Postgres connection lost while in use'));
  });
  return pool;
}

/**
 * Runs migrations to the latest. Kysely's Migrator holds a Postgres advisory lock while it works,
 * so services starting at once apply each migration exactly once.
 */
export async function migrateToLatest(db: Kysely<any>, migrations: Record<string, Migration>, tableName: string, log: Logger): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: `${tableName}_migrations`,
    migrationLockTableName: `${tableName}_migrations_lock`,
  });
  const { error, results } = await migrator.migrateToLatest();
  for (const r of results ?? []) log.info({ migration: r.migrationName, status: r.status }, 'migration');
  if (error) throw error;
}
