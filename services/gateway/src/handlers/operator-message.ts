import { convOutSchema, subjects, type ConvOut } from '@followups/contracts';
import { NonRetriableError, publishJson } from '@followups/kit';
import type { InboundOperatorMessage } from '../transport/inbound-transport.js';
import type { PublishDeps } from './client-message.js';

/**
 * A human typing from the sales account becomes `conv.out.<chat>` (`by: "operator"`), with
 * `out:<chat>:<messageId>` as its message id so a redelivery is stored once. That message is the
 * takeover: whoever types by hand has taken the conversation over. The gateway does not publish
 * `ops.takeover` (it may not: least privilege); the scheduler records the message as one in OPS,
 * and until it has, readTakeoverState reads the human's conv.out itself.
 */
export async function publishOperatorMessage(deps: PublishDeps, m: InboundOperatorMessage): Promise<void> {
  const out: ConvOut = { chatId: m.chatId, messageId: m.messageId, text: m.text, at: m.at.toISOString(), by: 'operator', operator: m.operator };
  const checked = convOutSchema.safeParse(out);
  if (!checked.success) throw new NonRetriableError(`conv.out would be invalid: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  await publishJson(deps.js, subjects.convOut(m.chatId), checked.data, `out:${m.chatId}:${m.messageId}`);
}
