import { errors as natsErrors, type NatsConnection } from '@nats-io/nats-core';
import { subjects, telegramSendReplySchema, type TelegramSendRequest } from '@followups/contracts';
import { NonRetriableError, RetryLaterError, describeError } from '@followups/kit';
import { RandomIdDuplicateError, type OutboundMessage, type OutboundTransport } from './outbound-transport.js';

/**
 * The sales account through whichever gateway replica holds its Telegram session: a request on
 * `telegram.send.<account>`. Every dispatcher can send; only one process talks to Telegram. The
 * random id makes a retry safe: a request that timed out after Telegram took it is refused as a
 * duplicate the next time, and counts as sent. No holder answering (a handover, a gateway
 * restart) is a transient failure: the send is retried after a pause.
 */
/** How soon a send is tried again when no gateway holds the session: about a lease handover's pace. */
const NO_HOLDER_RETRY_MS = 5000;

const isNoResponders = (e: unknown) => e instanceof natsErrors.NoRespondersError || (e instanceof natsErrors.RequestError && e.isNoResponders());

export function createTelegramTransport(deps: { nc: NatsConnection; account: string; timeoutMs: number }): OutboundTransport {
  return {
    name: 'telegram',
    async send(message: OutboundMessage) {
      const request: TelegramSendRequest = {
        chatId: message.chatId,
        text: message.text,
        randomId: message.randomId,
        ...(message.readUpTo ? { readUpTo: message.readUpTo } : {}),
      };
      let body: unknown;
      try {
        const m = await deps.nc.request(subjects.telegramSend(deps.account), JSON.stringify(request), { timeout: deps.timeoutMs });
        body = m.json();
      } catch (e) {
        // Nobody holds the session right now (a handover, the gateways restarting): nothing was
        // attempted, so it is not counted against the action; try again shortly.
        if (isNoResponders(e)) throw new RetryLaterError(`no gateway holds the Telegram session of account "${deps.account}" right now`, NO_HOLDER_RETRY_MS, { cause: e });
        throw new Error(`Telegram session holder did not answer (${describeError(e)}): is a gateway with TRANSPORT=telegram running for account "${deps.account}"?`, { cause: e });
      }
      const reply = telegramSendReplySchema.parse(body);
      if (reply.ok) return;
      switch (reply.error) {
        case 'duplicate':
          throw new RandomIdDuplicateError(message.randomId);
        case 'flood_wait':
          throw new RetryLaterError(reply.reason, reply.retryAfterMs ?? 1000);
        case 'permanent':
        case 'session':
          throw new NonRetriableError(reply.reason);
        case 'transient':
          throw new Error(reply.reason);
      }
    },
  };
}
