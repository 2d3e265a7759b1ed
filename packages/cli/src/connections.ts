import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { ActionsDB } from '@followups/actions';
import type { Logger } from 'pino';
import { describeError, natsConnectOptions, redactUrl, survivingPool, type NatsHandles } from '@followups/kit';
import { CommandError } from './errors.js';

/**
 * One attempt, a short timeout and a clear error: unlike a service, a command should tell the
 * operator at once that NATS is not there rather than retry in silence.
 */
export async function openNats(url: string): Promise<NatsHandles> {
  try {
    const nc = await connect({ ...natsConnectOptions(url), name: 'followups-cli', timeout: 3000 });
    return { nc, js: jetstream(nc), jsm: await jetstreamManager(nc) };
  } catch (e) {
    throw new CommandError(`cannot reach NATS at ${redactUrl(url)}: ${describeError(e)}`, { cause: e });
  }
}

export async function openDatabase(url: string, log: Logger): Promise<Kysely<ActionsDB>> {
  // A dropped connection, idle or checked out, must not crash a command with an unhandled 'error'; the query fails instead.
  const pool = survivingPool(new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 3000 }), log);
  try {
    await pool.query('select 1');
  } catch (e) {
    await pool.end().catch(() => {});
    throw new CommandError(`cannot reach Postgres at ${redactUrl(url)}: ${describeError(e)}`, { cause: e });
  }
  return new Kysely<ActionsDB>({ dialect: new PostgresDialect({ pool }) });
}

const UNDEFINED_TABLE = '42P01';

/** A query on the actions tables before the scheduler ever ran (it owns the migrations). */
export function isMissingTable(e: unknown): boolean {
  return (e as { code?: unknown })?.code === UNDEFINED_TABLE;
}

export const noTableYet = 'no actions tables yet: start the scheduler once, it creates the tables (pnpm --filter @followups/scheduler start)';

/** `query`, with a missing table turned into the error that says how to create it. */
export function explainMissingTable<T>(query: Promise<T>): Promise<T> {
  return query.catch((e: unknown) => {
    throw isMissingTable(e) ? new CommandError(noTableYet, { cause: e }) : e;
  });
}
