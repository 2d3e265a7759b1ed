import { z } from 'zod';
import { instantSchema } from './common.js';

/** Names one meeting of a chat: booking it again with the same id moves it. */
export const meetingIdSchema = z.string().min(1).max(200).regex(/^[^\p{Cc}]+$/u, 'must not contain control characters');

/**
 * `meeting.booked.<chat>`: a meeting with the client is booked (or moved, same `meetingId`).
 * Reminders go to the client before it (settings `reminders.before`, or `remindBefore` here);
 * a client reply does not cancel them, a `meeting.cancelled` or a new booking of it does.
 * @example {"meetingId":"demo-1","at":"2026-12-03T07:00:00.000Z","timeZone":"Europe/Moscow","title":"Демонстрация виллы","by":"agent"}
 */
export const meetingBookedSchema = z.object({
  meetingId: meetingIdSchema,
  at: instantSchema,
  /** The client's IANA zone: reminders name the time in it. */
  timeZone: z.string().min(1).max(100),
  title: z.string().max(300).optional(),
  /** Durations before the meeting (`24h`, `1h`, `30m`); omitted: the team's settings. */
  remindBefore: z.array(z.string().regex(/^\d+\s*(m|min|h|d)$/, 'must be a duration like 24h, 1h, 30m')).max(10).optional(),
  /** The reminders' language; omitted: Russian. */
  language: z.enum(['ru', 'en']).optional(),
  by: z.string().min(1).max(200).optional(),
});
export type MeetingBooked = z.infer<typeof meetingBookedSchema>;

/**
 * `meeting.cancelled.<chat>`: the meeting will not take place; its reminders are cancelled.
 * @example {"meetingId":"demo-1","reason":"client_cancelled"}
 */
export const meetingCancelledSchema = z.object({
  meetingId: meetingIdSchema,
  reason: z.string().min(1).max(200).default('meeting_cancelled'),
  by: z.string().min(1).max(200).optional(),
});
export type MeetingCancelled = z.infer<typeof meetingCancelledSchema>;
