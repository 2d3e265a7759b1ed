import { sql, type Kysely } from 'kysely';
import type { NatsConnection } from '@nats-io/nats-core';
import type { JetStreamManager } from '@nats-io/jetstream';
import type { ConsumerKey } from '@followups/contracts';
import type { Logger } from 'pino';
import { startHealthServer, type HealthCheck, type HealthServer } from './health-server.js';

/** The checks every service has: NATS answers a round trip, Postgres answers `select 1`. */
export const natsCheck = (nc: NatsConnection): HealthCheck => async () => !nc.isClosed() && (await nc.flush().then(() => true, () => false));
export const postgresCheck = (db: Kysely<any>): HealthCheck => async () => (await sql`select 1`.execute(db).then(() => true, () => false));

/**
 * Starts the service's health and metrics endpoint when HEALTH_PORT is set (null otherwise):
 * NATS and, when given, Postgres, plus the service's own checks (its consumers running…).
 */
export async function serveHealth(o: {
  port: number;
  service: string;
  log: Logger;
  nc: NatsConnection;
  jsm: JetStreamManager;
  db?: Kysely<any>;
  consumers: ConsumerKey[];
  checks?: Record<string, HealthCheck>;
}): Promise<HealthServer | null> {
  if (o.port === 0) return null;
  return startHealthServer({
    port: o.port,
    service: o.service,
    log: o.log,
    checks: { nats: natsCheck(o.nc), ...(o.db ? { postgres: postgresCheck(o.db) } : {}), ...o.checks },
    watch: { jsm: o.jsm, consumers: o.consumers },
  });
}
