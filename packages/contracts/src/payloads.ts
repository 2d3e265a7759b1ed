import type { z } from 'zod';
import { agentReplySchema, convInSchema, convOutSchema } from './schemas/conversation.js';
import { opsAttendedSchema, opsAttentionSchema, opsReleaseSchema, opsTakeoverSchema } from './schemas/ops.js';
import { sandboxDeliveredSchema, sandboxInputSchema } from './schemas/sandbox.js';
import { scheduleCancelSchema, scheduleDueSchema, scheduleIntentSchema } from './schemas/schedule.js';
import { meetingBookedSchema, meetingCancelledSchema } from './schemas/meeting.js';
import type { SubjectFamily } from './subjects.js';

/** The schema that validates each subject family's payload. */
export const payloadSchemas = {
  'conv.in': convInSchema,
  'conv.out': convOutSchema,
  'agent.reply': agentReplySchema,
  'schedule.intent': scheduleIntentSchema,
  'schedule.cancel': scheduleCancelSchema,
  'schedule.due': scheduleDueSchema,
  'meeting.booked': meetingBookedSchema,
  'meeting.cancelled': meetingCancelledSchema,
  'ops.takeover': opsTakeoverSchema,
  'ops.release': opsReleaseSchema,
  'ops.attention': opsAttentionSchema,
  'ops.attended': opsAttendedSchema,
  'sandbox.client': sandboxInputSchema,
  'sandbox.operator': sandboxInputSchema,
  'sandbox.delivered': sandboxDeliveredSchema,
  'sandbox.outbox': sandboxDeliveredSchema,
} as const satisfies Record<SubjectFamily, z.ZodType>;

export type PayloadOf<F extends SubjectFamily> = z.infer<(typeof payloadSchemas)[F]>;

/** Families whose payload names the chat: it must agree with the subject's chat id. */
export const familiesWithChatId: ReadonlySet<SubjectFamily> = new Set([
  'conv.in',
  'conv.out',
  'agent.reply',
  'schedule.intent',
  'schedule.due',
  'ops.attention',
  'sandbox.delivered',
  'sandbox.outbox',
]);
