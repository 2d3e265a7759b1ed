import { convOutSchema, subjects, type ConvOut, type OpsTakeover } from '@followups/contracts';
import { NonRetriableError, publishJson } from '@followups/kit';
import type { InboundOperatorMessage } from '../transport/inbound-transport.js';
import type { PublishDeps } from './client-message.js';

/**
 * A human typing from the sales account becomes `conv.out.<chat>` (`by: "operator"`) and
 * `ops.takeover.<chat>`: whoever types by hand has taken the conversation over, so pending
 * follow-ups stop and the agent falls silent. Both publishes go out at once (pipelined); each
 * has its own message id, so a retry after a half-done attempt stores only what is missing.
 */
export async function publishOperatorMessage(deps: PublishDeps, m: InboundOperatorMessage): Promise<void> {
  const out: ConvOut = { chatId: m.chatId, messageId: m.messageId, text: m.text, at: m.at.toISOString(), by: 'operator', operator: m.operator };
  const checked = convOutSchema.safeParse(out);
  if (!checked.success) throw new NonRetriableError(`conv.out would be invalid: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const takeover: OpsTakeover = { operator: m.operator, reason: 'operator_message' };
  await Promise.all([
    publishJson(deps.js, subjects.convOut(m.chatId), checked.data, `out:${m.chatId}:${m.messageId}`),
    publishJson(deps.js, subjects.opsTakeover(m.chatId), takeover, `takeover:${m.chatId}:${m.messageId}`),
  ]);
}
