import type { NatsConnection } from '@nats-io/nats-core';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import { createTelegramClient, startTelegramAccount, type TelegramAccount } from '@followups/telegram';
import type { GatewayConfig } from '../config.js';
import type { InboundTransport } from './inbound-transport.js';
import { orderedClientTimes } from './ordered-times.js';

/** Who an operator message is from when the manager typed in a Telegram app rather than the stack. */
export const TELEGRAM_APP_OPERATOR = 'telegram-app';

/**
 * The sales account itself, through GramJS. Every gateway replica runs this; one holds the
 * session (connected to Telegram, reporting what arrives, sending for the dispatchers) and the
 * others wait to take it over. What the account receives becomes `conv.in`; what the manager
 * types on the phone becomes an operator's message and a takeover.
 */
export function telegramTransport(deps: { nc: NatsConnection; js: JetStreamClient; jsm: JetStreamManager; log: Logger; config: Readonly<GatewayConfig> }): InboundTransport {
  const { config } = deps;
  let account: TelegramAccount | undefined;
  return {
    name: 'telegram',
    async start(sink) {
      const allowed = new Set(config.TELEGRAM_ALLOW_CHATS);
      const orderedAt = orderedClientTimes(deps.jsm);
      account = await startTelegramAccount({
        nc: deps.nc,
        js: deps.js,
        jsm: deps.jsm,
        log: deps.log,
        account: config.TELEGRAM_ACCOUNT,
        owner: `gateway-${config.INSTANCE_ID}`,
        createClient: () =>
          createTelegramClient({
            apiId: config.TELEGRAM_API_ID!,
            apiHash: config.TELEGRAM_API_HASH!,
            session: config.TELEGRAM_SESSION!,
            server: config.TELEGRAM_SERVER,
            nc: deps.nc,
          }),
        onClientMessage: async (m) => sink.clientMessage({ chatId: m.chatId, messageId: m.messageId, text: m.text, at: await orderedAt(m.chatId, m.at), from: m.from }),
        onOperatorMessage: (m) => sink.operatorMessage({ chatId: m.chatId, messageId: m.messageId, text: m.text, at: m.at, operator: TELEGRAM_APP_OPERATOR }),
        allowChat: (chatId) => allowed.has(chatId),
        leaseTtlMs: config.TELEGRAM_LEASE_TTL_MS,
        watchdogMs: config.TELEGRAM_WATCHDOG_MS,
        pacer: { perChatIntervalMs: config.TELEGRAM_PER_CHAT_INTERVAL_MS, perSecond: config.TELEGRAM_SENDS_PER_SECOND },
      });
    },
    async stop() {
      const a = account;
      account = undefined;
      await a?.stop();
    },
  };
}
