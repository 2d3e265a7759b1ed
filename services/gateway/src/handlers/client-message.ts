import { convInSchema, subjects, type ConvIn } from '@followups/contracts';
import { NonRetriableError, publishJson } from '@followups/kit';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { InboundClientMessage } from '../transport/inbound-transport.js';

export interface PublishDeps {
  js: JetStreamClient;
}

/**
 * A client message becomes `conv.in.<chat>`, with `in:<chat>:<messageId>` as its JetStream message
 * id so a redelivered message is stored once. The publish is issued before the first `await`, so
 * messages handed over in order (even without waiting for each other) are stored in order.
 */
export async function publishClientMessage(deps: PublishDeps, m: InboundClientMessage): Promise<void> {
  const event: ConvIn = {
    chatId: m.chatId,
    messageId: m.messageId,
    text: m.text,
    at: m.at.toISOString(),
    from: { id: m.chatId, ...m.from },
  };
  const checked = convInSchema.safeParse(event);
  if (!checked.success) throw new NonRetriableError(`conv.in would be invalid: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  await publishJson(deps.js, subjects.convIn(m.chatId), checked.data, `in:${m.chatId}:${m.messageId}`);
}
