import { hasHolidayCalendar, parseSendWindow } from '@followups/manners';
import { isValidTimeZone } from '@followups/when';
import { z } from 'zod';
import { parseDuration } from './duration.js';

const duration = z.string().refine((s) => parseDuration(s) !== null, 'must be a duration like 90s, 2m, 12h, 7d').transform((s) => parseDuration(s)!);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM, e.g. 09:00');
// Loose on purpose: a team's own host (followups@localhost, ops@mail.internal) is a fine sender.
const email = z.string().regex(/^[^@\s]+@[^@\s]+$/, 'must be an e-mail address');

/**
 * The team's settings: `packages/settings/defaults.json`, overlaid by the file FOLLOWUPS_CONFIG
 * names, overlaid by single environment variables (see env-overrides.ts). Unknown keys are
 * refused, so a typo in a team's file is an error at start-up, not a default silently kept.
 */
export const settingsSchema = z.strictObject({
  /** The zone of chats with none of their own (IANA). */
  timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone, e.g. Asia/Makassar or Europe/Berlin'),
  /** The local hour day-granular phrases ("завтра", "через неделю") land at. */
  defaultHour: z.number().int().min(0).max(23),
  /** When a bot message may reach a client, in the client's zone: outside it, it waits for the next opening. */
  sendWindow: z
    .strictObject({
      from: clock,
      to: clock,
      /** `mon-sun`, `mon-fri`, `mon,wed,fri`. */
      days: z.string(),
    })
    .superRefine((w, ctx) => {
      try {
        parseSendWindow(w.from, w.to, w.days);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
      }
    }),
  holidays: z.strictObject({
    /** ISO 3166 code of the team's country; null: no holidays are kept. */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO country code like ID, RU, DE')
      .refine(hasHolidayCalendar, 'no public-holiday calendar is known for this country')
      .nullable(),
    /** Use the country of the chat's own zone when it has one (Europe/Moscow → RU). */
    fromChatZone: z.boolean(),
  }),
  reminders: z.strictObject({
    /** Before a booked meeting, e.g. ["24h", "1h"]. */
    before: z.array(duration).max(10),
  }),
  limits: z.strictObject({
    /** Pending follow-ups one chat may have; a newer one replaces the oldest. */
    pendingFollowUpsPerChat: z.number().int().min(1).max(1_000_000),
    /** Nothing is scheduled further ahead. */
    maxDaysAhead: z.number().int().min(1).max(36_500),
    /** Between two bot messages to one chat; a message due sooner waits. */
    minGapBetweenBotMessages: duration,
  }),
  /** How late an action may still run after downtime; later, it ends `expired`. A reminder also never outlives its meeting. */
  staleness: z.strictObject({ follow_up: duration, reminder: duration, call: duration, task: duration, custom: duration }),
  compose: z.strictObject({
    /** How long the dispatcher waits for the agent to compose a follow-up at fire time before sending the safe template. */
    timeout: duration,
  }),
  report: z.strictObject({
    /** `smtp://user:pass@host:587`; null: task reports are not e-mailed. */
    smtpUrl: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').nullable(),
    from: email,
    /** Who receives task reports when a task names no one. */
    to: z.array(email),
    /** The team's Telegram chat for reports; null: none. */
    telegramChat: z.string().regex(/^-?\d{1,20}$/, 'must be a Telegram chat id').nullable(),
  }),
});

/** What the file holds (durations as text). */
export type SettingsFile = z.input<typeof settingsSchema>;
/** What services use (durations in milliseconds). */
export type Settings = z.infer<typeof settingsSchema>;
