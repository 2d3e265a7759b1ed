import { connect, type NatsConnection } from '@nats-io/transport-node';
import { natsConnectOptions } from './nats-url.js';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import { retryUntilReady } from './backoff.js';
import { isPermanentConnectError, permanentConnectError, redactUrl } from './connect-errors.js';

export interface NatsHandles {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
}

/**
 * Connects to NATS, retrying with back-off until it answers, then keeps reconnecting forever:
 * a NATS restart is an outage to ride out, not a reason to die.
 */
export async function connectNats(url: string, name: string, log: Logger, shouldStop?: () => boolean): Promise<NatsHandles> {
  const nc = await retryUntilReady(
    `NATS at ${redactUrl(url)}`,
    () =>
      // noAsyncTraces: nats.js otherwise captures a stack trace for every request (each JetStream
      // publish is one) in case it times out; measured at ~0.08 ms of CPU a publish, the largest
      // single cost in a dispatcher's profile. A timeout still says what timed out.
      connect({ ...natsConnectOptions(url), name, maxReconnectAttempts: -1, reconnectTimeWait: 1000, timeout: 5000, noAsyncTraces: true }).catch((e: unknown) => {
        throw isPermanentConnectError(e) ? permanentConnectError('NATS_URL', url, e) : e;
      }),
    log,
    shouldStop,
  );
  log.info({ server: nc.getServer() }, 'connected to NATS');
  void watchStatus(nc, log);
  return { nc, js: jetstream(nc), jsm: await jetstreamManager(nc) };
}

async function watchStatus(nc: NatsConnection, log: Logger): Promise<void> {
  for await (const s of nc.status()) {
    if (s.type === 'disconnect') log.warn({ server: s.server }, 'NATS connection lost, reconnecting');
    else if (s.type === 'reconnect') log.info({ server: s.server }, 'NATS reconnected');
    else if (s.type === 'error') log.error({ reason: String(s.error) }, 'NATS error');
  }
}
