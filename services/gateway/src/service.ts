import { connectNats, ensureStreams, serveHealth, type Logger } from '@followups/kit';
import type { GatewayConfig } from './config.js';
import { publishClientMessage } from './handlers/client-message.js';
import { publishOperatorMessage } from './handlers/operator-message.js';
import type { InboundTransport } from './transport/inbound-transport.js';
import { sandboxTransport } from './transport/sandbox-transport.js';
import { telegramTransport } from './transport/telegram-transport.js';

export type { InboundClientMessage, InboundOperatorMessage, InboundSink, InboundTransport } from './transport/inbound-transport.js';
export { loadConfig, type GatewayConfig } from './config.js';

export interface Gateway {
  /** Stops receiving, waits for the messages in hand to be published, drains NATS. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts the gateway: receives from the configured transport and publishes `conv.in` and
 * `conv.out` (by operator: the scheduler records it as the takeover). Needs NATS only.
 */
export async function startGateway({ config, log }: { config: Readonly<GatewayConfig>; log: Logger }): Promise<Gateway> {
  const { nc, js, jsm } = await connectNats(config.NATS_URL, `gateway-${config.INSTANCE_ID}`, log);
  let transport: InboundTransport;
  try {
    await ensureStreams(jsm, ['sandboxInput', 'conv', 'deadLetter', ...(config.TRANSPORT === 'telegram' ? (['leases', 'telegram', 'telegramSent', 'attention'] as const) : [])], config.JETSTREAM_REPLICAS);
    transport = createTransport(config, { nc, js, jsm, log });
    await transport.start({
      clientMessage: (m) => publishClientMessage({ js }, m),
      operatorMessage: (m) => publishOperatorMessage({ js }, m),
    });
  } catch (e) {
    await nc.close();
    throw e;
  }
  // The gateway's sandbox relay is a consumer too; its Telegram session's state is `telegram status`.
  const health = await serveHealth({ port: config.HEALTH_PORT, service: 'gateway', log, nc, jsm, consumers: config.TRANSPORT === 'sandbox' ? ['gatewaySandbox'] : [] });
  log.info({ transport: transport.name, ...(config.TRANSPORT === 'telegram' ? { account: config.TELEGRAM_ACCOUNT, server: config.TELEGRAM_SERVER } : {}) }, 'gateway started');

  let stopped: Promise<void> | undefined;
  return {
    stop: () =>
      (stopped ??= (async () => {
        await health?.stop();
        await transport.stop();
        await nc.drain();
      })()),
  };
}

function createTransport(config: Readonly<GatewayConfig>, deps: Omit<Parameters<typeof telegramTransport>[0], 'config'>): InboundTransport {
  switch (config.TRANSPORT) {
    case 'sandbox':
      return sandboxTransport(deps);
    case 'telegram':
      return telegramTransport({ ...deps, config });
  }
}
