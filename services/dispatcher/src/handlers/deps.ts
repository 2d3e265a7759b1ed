import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ActionsDB, Actor } from '@followups/actions';
import type { Mailer } from '@followups/mailer';
import { subjects, type ConvOut } from '@followups/contracts';
import { publishJson, type Clock } from '@followups/kit';
import type { DispatcherConfig } from '../config.js';
import type { ExecutorRegistry } from '../executors.js';
import type { ReadBarrier } from '../read-barrier.js';
import type { OutboundTransport } from '../transport/outbound-transport.js';

/** What the handlers need; the service builds it once. */
export interface DispatchDeps {
  db: Kysely<ActionsDB>;
  /** Core NATS, for requests: the agent composing a follow-up (`agent.compose.<chat>`). */
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  transport: OutboundTransport;
  /** Whether everything stored before now has been applied to the rows: one check per batch. */
  barrier: ReadBarrier;
  executors: ExecutorRegistry;
  /** Task reports by e-mail; null when SMTP is not configured. */
  mailer: Mailer | null;
  clock: Clock;
  log: Logger;
  /** How this dispatcher signs the changes it makes to actions (`dispatcher:<instance>`). */
  actor: Actor;
  config: Pick<DispatcherConfig, 'SENDING_LEASE_MS' | 'MAX_SEND_ATTEMPTS' | 'settings'>;
}

/**
 * Reports what the bot sent as `conv.out.<chat>` `by:"bot"`. `msgID` is derived from the send's
 * idempotency key, so a retried report within the CONV duplicate window is stored once.
 */
export async function publishBotMessage(
  deps: Pick<DispatchDeps, 'js' | 'clock'>,
  message: { chatId: string; text: string; actionId?: string; msgID: string },
): Promise<void> {
  const out: ConvOut = {
    chatId: message.chatId,
    text: message.text,
    at: deps.clock().toISOString(),
    by: 'bot',
    ...(message.actionId ? { actionId: message.actionId } : {}),
  };
  await publishJson(deps.js, subjects.convOut(message.chatId), out, message.msgID);
}
