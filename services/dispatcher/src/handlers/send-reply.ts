import { getChat } from '@followups/actions';
import type { AgentReply } from '@followups/contracts';
import { ack, readTakeoverState, type Outcome } from '@followups/kit';
import { randomIdFor, replySendKey } from '../random-id.js';
import { sendOnce } from '../transport/outbound-transport.js';
import { publishBotMessage, type DispatchDeps } from './deps.js';

/**
 * `agent.reply.<chat>`: say this now, unless a human holds the chat or the client opted out
 * (only the answer to the opt-out message itself, the one polite goodbye, still goes). The reply's key
 * (chat, message it answers, part) gives its random id, so a redelivered reply is refused by the
 * transport as a duplicate and counts as sent. A transient failure throws: the consumer retries.
 */
export async function sendReply(deps: DispatchDeps, reply: AgentReply, storedAt: Date): Promise<Outcome> {
  const log = deps.log.child({ chatId: reply.chatId, inReplyTo: reply.inReplyTo, part: reply.part });

  // A reply stuck behind a long outage answers a conversation that has moved on.
  const ageMs = deps.clock().getTime() - storedAt.getTime();
  if (ageMs > deps.config.settings.staleness.follow_up) {
    log.warn({ ageMs }, 'reply dropped: too late');
    return ack;
  }

  const [chat, takeover] = await Promise.all([getChat(deps.db, reply.chatId), readTakeoverState(deps.jsm, reply.chatId)]);
  if (chat.optedOut && chat.optedOut.messageId !== reply.inReplyTo) {
    log.info({ reason: 'opted_out' }, 'reply dropped: the client opted out');
    return ack;
  }
  if (takeover.underHuman) {
    log.info({ operator: takeover.operator }, 'reply dropped: human holds the chat');
    return ack;
  }

  const key = replySendKey(reply.chatId, reply.inReplyTo, reply.part);
  const delivery = await sendOnce(deps.transport, { chatId: reply.chatId, text: reply.text, randomId: randomIdFor(key), readUpTo: reply.inReplyTo });
  await publishBotMessage(deps, { chatId: reply.chatId, text: reply.text, msgID: `out:${key}` });
  log.info({ delivery }, 'reply sent');
  return ack;
}
