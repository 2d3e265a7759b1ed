import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { consumers, streams, subjects, wildcards, type SandboxDelivered } from '@followups/contracts';
import { publishJson, type Clock } from '@followups/kit';
import { RandomIdDuplicateError, type OutboundMessage, type OutboundTransport } from './outbound-transport.js';

/**
 * The stand-in for Telegram: a send is a `sandbox.outbox.<chat>` message in the
 * SANDBOX_DELIVERED stream, published with the random id as `Nats-Msg-Id`. The stream's
 * duplicate window (a day) plays Telegram's memory of random ids: a second publish with the same
 * id is acknowledged as a duplicate and not stored, and we refuse it the way Telegram answers
 * `RANDOM_ID_DUPLICATE`. The stream re-publishes only what it stored on
 * `sandbox.delivered.<chat>`, so subscribers there see each delivery once.
 */
export function createSandboxTransport(deps: { js: JetStreamClient; jsm?: JetStreamManager; clock: Clock }): OutboundTransport {
  return {
    name: 'sandbox',
    relay: { stream: streams.sandboxInput.name, subject: wildcards.sandboxClient, durable: consumers.gatewaySandbox.durable },
    // The client's message is first stored in SANDBOX_INPUT (the gateway's conv.in `at` is that
    // stored time); the stream's own time of the chat's last one is when it was said.
    ...(deps.jsm
      ? {
          async lastClientMessageAt(chatId: string) {
            const last = await deps.jsm!.streams.getMessage(streams.sandboxInput.name, { last_by_subj: subjects.sandboxClient(chatId) });
            return last ? last.time : null;
          },
        }
      : {}),
    async send(message: OutboundMessage) {
      const delivered: SandboxDelivered = {
        chatId: message.chatId,
        text: message.text,
        randomId: message.randomId,
        ...(message.actionId ? { actionId: message.actionId } : {}),
        at: deps.clock().toISOString(),
      };
      const ack = await publishJson(deps.js, subjects.sandboxOutbox(message.chatId), delivered, message.randomId);
      if (ack.duplicate) throw new RandomIdDuplicateError(message.randomId);
    },
  };
}
