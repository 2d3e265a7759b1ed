import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import type { JetStreamManager } from '@nats-io/jetstream';
import { consumers, streams, type ConsumerKey } from '@followups/contracts';
import { describeError } from '../backoff.js';
import { metrics, registry } from './metrics.js';

/** A readiness check: resolves true when the thing it names is up. */
export type HealthCheck = () => Promise<boolean> | boolean;

export interface HealthServerOptions {
  port: number;
  host?: string;
  service: string;
  log: Logger;
  /** By name: `nats`, `postgres`, `consumers`… `/healthz` is ready only when every one says so. */
  checks: Record<string, HealthCheck>;
  /** The durable consumers whose pending and redelivered counts `/metrics` reads from JetStream. */
  watch?: { jsm: JetStreamManager; consumers: ConsumerKey[] };
}

export interface HealthServer {
  port: number;
  stop(): Promise<void>;
}

const CHECK_TIMEOUT_MS = 2000;

/**
 * `/healthz` — 200 `{"status":"ready","checks":{…}}` when every check passes, else 503 with the
 * failing ones (a check that throws or takes over 2 s fails); `/metrics` — the Prometheus text
 * of the process's registry, with the watched consumers' counts read from JetStream as scraped.
 * One piece for every service: each passes its own checks.
 */
export async function startHealthServer(o: HealthServerOptions): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') return void res.writeHead(405, { allow: 'GET' }).end();
    if (path === '/healthz') {
      void runChecks(o.checks).then(({ ready, checks }) => {
        res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ service: o.service, status: ready ? 'ready' : 'not_ready', checks }));
      });
      return;
    }
    if (path === '/metrics') {
      void (async () => {
        if (o.watch) await readConsumers(o.watch, o.log);
        res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
      })().catch((e: unknown) => res.writeHead(500).end(describeError(e)));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  o.log.info({ port }, 'health and metrics served (/healthz, /metrics)');
  return {
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function runChecks(checks: Record<string, HealthCheck>): Promise<{ ready: boolean; checks: Record<string, 'up' | 'down'> }> {
  const results = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), CHECK_TIMEOUT_MS).unref());
      const up = await Promise.race([Promise.resolve().then(check), timeout]).catch(() => false);
      return [name, up ? 'up' : 'down'] as const;
    }),
  );
  return { ready: results.every(([, s]) => s === 'up'), checks: Object.fromEntries(results) };
}

async function readConsumers(watch: NonNullable<HealthServerOptions['watch']>, log: Logger): Promise<void> {
  await Promise.all(
    watch.consumers.map(async (key) => {
      const def = consumers[key];
      try {
        const info = await watch.jsm.consumers.info(streams[def.stream].name, def.durable);
        metrics.consumerPending.set({ consumer: def.durable }, info.num_pending);
        metrics.consumerAckPending.set({ consumer: def.durable }, info.num_ack_pending);
        metrics.consumerRedelivered.set({ consumer: def.durable }, info.num_redelivered);
      } catch (e) {
        log.debug({ consumer: def.durable, reason: describeError(e) }, 'consumer info not read for /metrics');
      }
    }),
  );
}
