import { agentReplySchema, MAX_MESSAGE_LENGTH, meetingBookedSchema, meetingCancelledSchema, opsAttentionSchema, scheduleCancelSchema, scheduleIntentSchema, subjects, type AgentReply, type MeetingBooked, type MeetingCancelled, type OpsAttentionInput, type ScheduleCancel, type ScheduleIntentInput } from '@followups/contracts';
import { NonRetriableError, publishJson, splitMessage } from '@followups/kit';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { z } from 'zod';
import type { Decision, ScheduleRequest } from './brain/brain.js';

export interface DecisionContext {
  chatId: string;
  /** The client message decided on: its id keys every publish, so a repeat is dropped as a duplicate. */
  messageId: number;
  /** The message's `at`, as the gateway wrote it: client messages after it cancel the follow-ups. */
  contextAt: string;
  timeZone: string;
  /** The client's words, for a hand-off. */
  text: string;
  /** Who the client is, for the operator who calls or answers. */
  contact?: { name?: string; username?: string };
  /** The language the client is answered in: their meeting reminders are written in it. */
  language?: 'ru' | 'en';
}

/** The one meeting the agent manages per chat: booking it again moves it. */
export const agentMeetingId = (chatId: string) => `agent:${chatId}`;

/** The JetStream message id (and idempotency key) of the n-th action scheduled for a message. */
export const intentKey = (chatId: string, messageId: number, n: number) => `agent:${chatId}:${messageId}:${n}`;
export const replyMsgId = (chatId: string, messageId: number, part: number) => `reply:${chatId}:${messageId}:${part}`;
export const attentionMsgId = (chatId: string, messageId: number) => `attention:${chatId}:${messageId}`;

export interface Published {
  scheduled: number;
  replies: number;
  attention: boolean;
}

/**
 * Publishes a decision: cancellations first, then scheduled actions, then the hand-off, then
 * replies, each group pipelined. A reply goes out only after every intent is stored in its
 * stream, so a confirmation never promises what was not stored. A cancel of earlier actions is
 * scoped to actions scheduled before this message (`before`), so it can never catch the ones
 * this message schedules, whichever scheduler replica applies which first. Everything is
 * validated against the contract first: a brain that produces an invalid payload is a bug.
 */
export async function publishDecision(js: JetStreamClient, ctx: DecisionContext, decision: Decision): Promise<Published> {
  const intents = (decision.schedule ?? []).map((s, n) => {
    const key = intentKey(ctx.chatId, ctx.messageId, n);
    return { key, payload: checked(scheduleIntentSchema, intentFor(ctx, s, key), 'schedule.intent') };
  });
  // Longer than a Telegram message: sent as several, cut at paragraphs or sentences.
  const replies = (decision.replies ?? [])
    .flatMap((text) => splitMessage(text, MAX_MESSAGE_LENGTH))
    .map((text, part) => {
      const reply: AgentReply = { chatId: ctx.chatId, text, inReplyTo: ctx.messageId, part };
      return { msgId: replyMsgId(ctx.chatId, ctx.messageId, part), payload: checked(agentReplySchema, reply, 'agent.reply') };
    });
  const cancel = cancelFor(ctx, decision);
  const attention = decision.attention
    ? checked(
        opsAttentionSchema,
        {
          chatId: ctx.chatId,
          reason: decision.attention.reason,
          text: ctx.text.slice(0, 4096),
          at: ctx.contextAt,
          messageId: ctx.messageId,
          by: 'agent',
          ...(decision.attention.suggested ? { suggested: decision.attention.suggested.slice(0, 1000) } : {}),
          ...(ctx.contact ? { contact: ctx.contact } : {}),
        } satisfies OpsAttentionInput,
        'ops.attention',
      )
    : null;

  if (cancel) await publishJson(js, subjects.scheduleCancel(ctx.chatId), checked(scheduleCancelSchema, cancel, 'schedule.cancel'), `agent-cancel:${ctx.chatId}:${ctx.messageId}`);
  if (decision.cancelMeeting) {
    const off: MeetingCancelled = { meetingId: agentMeetingId(ctx.chatId), reason: decision.cancelMeeting.reason.slice(0, 200), by: 'agent' };
    await publishJson(js, subjects.meetingCancelled(ctx.chatId), checked(meetingCancelledSchema, off, 'meeting.cancelled'), `agent-meeting-off:${ctx.chatId}:${ctx.messageId}`);
  }
  if (decision.meeting) {
    const booked: MeetingBooked = {
      meetingId: agentMeetingId(ctx.chatId),
      at: decision.meeting.at.toISOString(),
      timeZone: ctx.timeZone,
      title: decision.meeting.title.slice(0, 300),
      ...(ctx.language ? { language: ctx.language } : {}),
      by: 'agent',
    };
    await publishJson(js, subjects.meetingBooked(ctx.chatId), checked(meetingBookedSchema, booked, 'meeting.booked'), `agent-meeting:${ctx.chatId}:${ctx.messageId}`);
  }
  await Promise.all(intents.map((i) => publishJson(js, subjects.scheduleIntent(ctx.chatId), i.payload, i.key)));
  if (attention) await publishJson(js, subjects.opsAttention(ctx.chatId), attention, attentionMsgId(ctx.chatId, ctx.messageId));
  await Promise.all(replies.map((r) => publishJson(js, subjects.agentReply(ctx.chatId), r.payload, r.msgId)));
  return { scheduled: intents.length, replies: replies.length, attention: attention !== null };
}

function intentFor(ctx: DecisionContext, s: ScheduleRequest, key: string): ScheduleIntentInput {
  const action =
    s.type === 'call'
      ? { type: 'call' as const, payload: { note: s.text, ...(ctx.contact ? { contact: ctx.contact } : {}) } }
      : { type: 'follow_up' as const, payload: { text: s.text } };
  return { chatId: ctx.chatId, action, dueAt: s.at.toISOString(), reason: s.reason, idempotencyKey: key, contextAt: ctx.contextAt, timeZone: ctx.timeZone, source: 'agent' };
}

/** Everything live for an opt-out; otherwise what was scheduled before this message, of the named types. */
function cancelFor(ctx: DecisionContext, decision: Decision): ScheduleCancel | null {
  if (decision.cancelAll) return { reason: decision.cancelAll.reason, by: 'agent' };
  if (decision.cancelEarlier) {
    return { reason: decision.cancelEarlier.reason, before: ctx.contextAt, by: 'agent', ...(decision.cancelEarlier.types ? { types: decision.cancelEarlier.types } : {}) };
  }
  return null;
}

function checked<T>(schema: z.ZodType, value: T, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new NonRetriableError(`brain produced an invalid ${what}: ${result.error.message}`);
  return value;
}
