import { z } from 'zod';
import { actionIdSchema, chatIdSchema, instantSchema } from './common.js';
import { meetingIdSchema } from './meeting.js';
import { boundedJsonRecord, dueAtSchema, MAX_MESSAGE_LENGTH } from './limits.js';

/** Who asked for a change to an action, e.g. `cli:anna`; printable, no control characters. */
export const actorNameSchema = z.string().min(1).max(200).regex(/^[^\p{Cc}]+$/u, 'must not contain control characters');

/** What may cancel a pending action before it fires. */
export const cancelTriggerSchema = z.enum(['client_reply', 'takeover']);
export type CancelTrigger = z.infer<typeof cancelTriggerSchema>;

/**
 * Send a message. Its text is fixed when it is scheduled, or — `compose: true` — written by the
 * agent at fire time from the conversation as it is then; `text` is what goes when the agent does
 * not answer in time (never silence, never a second message).
 */
export const followUpActionSchema = z.object({
  type: z.literal('follow_up'),
  payload: z.object({ text: z.string().min(1).max(MAX_MESSAGE_LENGTH), compose: z.boolean().optional() }),
});

/** Remind the client of something booked, e.g. 24 h and 1 h before a meeting. */
export const reminderActionSchema = z.object({
  type: z.literal('reminder'),
  payload: z.object({
    text: z.string().min(1).max(MAX_MESSAGE_LENGTH),
    /** Never sent once the meeting has begun. */
    meetingAt: instantSchema.optional(),
    /** The meeting it belongs to: `meeting.cancelled` with this id, or the meeting booked again, cancels it. */
    meetingId: meetingIdSchema.optional(),
  }),
});

/**
 * A check for the team, not a message to a client ("follow up on the backup health in 7 days"):
 * at its time the report goes to the operators' Telegram chat and by e-mail. Scheduled for the
 * team's pseudo-chat TEAM_CHAT_ID.
 */
export const taskActionSchema = z.object({
  type: z.literal('task'),
  payload: z.object({
    title: z.string().min(1).max(500),
    note: z.string().max(10_000).optional(),
    /** Who gets the report by e-mail; none: the settings' report.to. */
    emails: z.array(z.string().regex(/^[^@\s]+@[^@\s]+$/, 'must be an e-mail address')).max(50).optional(),
  }),
});

/**
 * The extension point: any action remembered for later. The dispatcher runs it with the executor
 * registered under `payload.name`; with none registered the action ends `failed` (`no_executor`).
 */
export const customActionSchema = z.object({
  type: z.literal('custom'),
  payload: z.object({ name: z.string().min(1).max(100), data: boundedJsonRecord.default({}) }),
});

/**
 * A call the client asked for ("наберите завтра в 11"): a bot cannot call, so at its time the
 * dispatcher hands it to the operators as `ops.attention` (`call_due`) instead of writing.
 */
export const callActionSchema = z.object({
  type: z.literal('call'),
  payload: z.object({
    /** What the client asked, for the operator who calls. */
    note: z.string().min(1).max(1000),
    contact: z.object({ name: z.string().max(200).optional(), username: z.string().max(200).optional() }).optional(),
  }),
});

export const actionSchema = z.discriminatedUnion('type', [followUpActionSchema, reminderActionSchema, customActionSchema, callActionSchema, taskActionSchema]);
export type Action = z.infer<typeof actionSchema>;
export const actionTypeSchema = z.enum(['follow_up', 'reminder', 'custom', 'call', 'task']);
export type ActionType = Action['type'];

export const actionTypes = actionTypeSchema.options;

/**
 * Default cancel policy per type: a follow-up yields to a client reply and to a human; a reminder
 * only to a human; a call is the humans' own task, so neither cancels it ahead of time.
 */
export const defaultCancelOn: Record<ActionType, CancelTrigger[]> = {
  follow_up: ['client_reply', 'takeover'],
  reminder: ['takeover'],
  custom: ['takeover'],
  call: [],
  task: [],
};

/**
 * Who an action speaks to when it fires: `client` actions are bot messages in the chat (refused
 * while a human holds it or after an opt-out); `team` actions go to the operators.
 */
export const actionAudience: Record<ActionType, 'client' | 'team'> = {
  follow_up: 'client',
  reminder: 'client',
  custom: 'client',
  call: 'team',
  task: 'team',
};

/** The chat id team actions (tasks) are filed under: no Telegram chat has it. */
export const TEAM_CHAT_ID = '0';

/**
 * Repeat the action: when one occurrence fires, the next is scheduled at the pattern's next time
 * after now (missed ones are skipped, not replayed). A croner pattern, minute-level, in `timeZone`.
 * @example {"pattern":"0 10 * * 1","timeZone":"Europe/Moscow","description":"every Monday at 10:00"}
 */
export const recurrenceSchema = z.object({
  pattern: z.string().min(9).max(100),
  timeZone: z.string().min(1).max(100),
  description: z.string().max(200).optional(),
});
export type Recurrence = z.infer<typeof recurrenceSchema>;

/**
 * `schedule.intent.<chat>`: do this later. The same `idempotencyKey` twice stores one action.
 * @example {"chatId":"123","action":{"type":"follow_up","payload":{"text":"Добрый день! …"}},"dueAt":"2026-11-25T02:00:00.000Z","cancelOn":["client_reply","takeover"],"reason":"client asked: напиши через неделю","idempotencyKey":"agent:123:17"}
 */
export const scheduleIntentSchema = z.object({
  chatId: chatIdSchema,
  action: actionSchema,
  dueAt: dueAtSchema,
  /** Omitted: the type's default (`defaultCancelOn`). */
  cancelOn: z.array(cancelTriggerSchema).optional(),
  reason: z.string().max(500).default(''),
  idempotencyKey: z.string().min(1).max(200),
  /**
   * The newest client message this intent already accounts for (its `conv.in` `at`). Only client
   * messages after it cancel the action. Omitted: the time the scheduler stores the action.
   */
  contextAt: instantSchema.optional(),
  /** The chat's IANA time zone, kept for display. */
  timeZone: z.string().optional(),
  source: z.enum(['agent', 'cli', 'api']).default('api'),
  /** Repeat it (see recurrenceSchema); `dueAt` is the first occurrence. */
  recurrence: recurrenceSchema.optional(),
  /** Who asked, as the action's history names them: `cli:<user>`, `operator:<name>`. Omitted: the `source`. */
  by: actorNameSchema.optional(),
});
export type ScheduleIntent = z.infer<typeof scheduleIntentSchema>;
export type ScheduleIntentInput = z.input<typeof scheduleIntentSchema>;

/**
 * `schedule.cancel.<chat>`: cancel one action (`actionId`) or every live action of the chat,
 * optionally only those of some `types` and only those scheduled in view of client messages
 * before `before` (their `context_at` is earlier). `before` lets the agent cancel and schedule
 * anew for one message without the cancel ever catching the new action, in whatever order
 * scheduler replicas apply the two.
 * @example {"reason":"client_opted_out"}
 */
export const scheduleCancelSchema = z.object({
  reason: z.string().min(1).max(200).default('cancelled'),
  actionId: actionIdSchema.optional(),
  types: z.array(actionTypeSchema).min(1).optional(),
  before: instantSchema.optional(),
  /** Who asked, as the action's history names them (`agent`, `cli:<user>`, `operator:<name>`). Omitted: `operator`. */
  by: actorNameSchema.optional(),
});
export type ScheduleCancel = z.infer<typeof scheduleCancelSchema>;

/**
 * `schedule.due.<chat>`: an action's time has come. Published with the action id as `Nats-Msg-Id`.
 * @example {"actionId":"…","chatId":"123","dueAt":"2026-11-25T02:00:00.000Z","action":{"type":"follow_up","payload":{"text":"…"}}}
 */
export const scheduleDueSchema = z.object({
  actionId: actionIdSchema,
  chatId: chatIdSchema,
  dueAt: instantSchema,
  action: actionSchema,
});
export type ScheduleDue = z.infer<typeof scheduleDueSchema>;

/** Where an action is in its life. Moves only forward: pending → claimed → sending → sent, or to a final state. */
export const actionStatusSchema = z.enum(['pending', 'claimed', 'sending', 'sent', 'cancelled', 'expired', 'failed']);
export type ActionStatus = z.infer<typeof actionStatusSchema>;
