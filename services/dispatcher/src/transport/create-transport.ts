import type { NatsConnection } from '@nats-io/nats-core';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { Clock } from '@followups/kit';
import type { DispatcherConfig } from '../config.js';
import type { OutboundTransport } from './outbound-transport.js';
import { createSandboxTransport } from './sandbox-transport.js';
import { createTelegramTransport } from './telegram-transport.js';

/** The transport `TRANSPORT` names. The config schema already refused unknown names. */
export function createTransport(config: Readonly<DispatcherConfig>, deps: { nc: NatsConnection; js: JetStreamClient; jsm: JetStreamManager; clock: Clock }): OutboundTransport {
  switch (config.TRANSPORT) {
    case 'sandbox':
      return createSandboxTransport(deps);
    case 'telegram':
      return createTelegramTransport({ nc: deps.nc, account: config.TELEGRAM_ACCOUNT, timeoutMs: config.TELEGRAM_SEND_TIMEOUT_MS });
  }
}
