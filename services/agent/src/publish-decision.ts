import { agentReplySchema, scheduleCancelSchema, scheduleIntentSchema, subjects, type AgentReply, type ScheduleIntentInput } from '@followups/contracts';
import { NonRetriableError, publishJson } from '@followups/kit';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { z } from 'zod';
import type { Decision } from './brain/brain.js';

export interface DecisionContext {
  chatId: string;
  /** The client message decided on: its id keys every publish, so a repeat is dropped as a duplicate. */
  messageId: number;
  /** The message's `at`, as the gateway wrote it: client messages after it cancel the follow-ups. */
  contextAt: string;
  timeZone: string;
}

/** The JetStream message id (and idempotency key) of the n-th follow-up scheduled for a message. */
export const intentKey = (chatId: string, messageId: number, n: number) => `agent:${chatId}:${messageId}:${n}`;
export const replyMsgId = (chatId: string, messageId: number, part: number) => `reply:${chatId}:${messageId}:${part}`;

/**
 * Publishes a decision: cancellations first, then follow-ups, then replies, each group pipelined.
 * A reply goes out only after every intent is stored in its stream, so a confirmation never
 * promises what was not stored. Everything is validated against the contract first: a brain
 * that produces an invalid payload is a bug, not a reason to publish garbage.
 */
export async function publishDecision(js: JetStreamClient, ctx: DecisionContext, decision: Decision): Promise<{ scheduled: number; replies: number }> {
  const intents = (decision.schedule ?? []).map((s, n) => {
    const key = intentKey(ctx.chatId, ctx.messageId, n);
    const intent: ScheduleIntentInput = {
      chatId: ctx.chatId,
      action: { type: 'follow_up', payload: { text: s.text } },
      dueAt: s.at.toISOString(),
      reason: s.reason,
      idempotencyKey: key,
      contextAt: ctx.contextAt,
      timeZone: ctx.timeZone,
      source: 'agent',
    };
    return { key, payload: checked(scheduleIntentSchema, intent, 'schedule.intent') };
  });
  const replies = (decision.replies ?? [])
    .filter((text) => text.trim() !== '')
    .map((text, part) => {
      const reply: AgentReply = { chatId: ctx.chatId, text, inReplyTo: ctx.messageId, part };
      return { msgId: replyMsgId(ctx.chatId, ctx.messageId, part), payload: checked(agentReplySchema, reply, 'agent.reply') };
    });

  if (decision.cancelAll) {
    const cancel = checked(scheduleCancelSchema, { reason: decision.cancelAll.reason }, 'schedule.cancel');
    await publishJson(js, subjects.scheduleCancel(ctx.chatId), cancel, `agent-cancel:${ctx.chatId}:${ctx.messageId}`);
  }
  await Promise.all(intents.map((i) => publishJson(js, subjects.scheduleIntent(ctx.chatId), i.payload, i.key)));
  await Promise.all(replies.map((r) => publishJson(js, subjects.agentReply(ctx.chatId), r.payload, r.msgId)));
  return { scheduled: intents.length, replies: replies.length };
}

function checked<T>(schema: z.ZodType, value: T, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new NonRetriableError(`brain produced an invalid ${what}: ${result.error.message}`);
  return value;
}
