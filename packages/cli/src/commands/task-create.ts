import { randomUUID } from 'node:crypto';
import { scheduleIntentSchema, subjects, TEAM_CHAT_ID, type ScheduleIntentInput } from '@followups/contracts';
import { isMailAddress } from '@followups/mailer';
import { publishJson } from '@followups/kit';
import { parseRecurrence, describeRecurrence } from '@followups/when';
import { UsageError, exitCodes } from '../errors.js';
import { formatLocal } from '../output.js';
import { waitUntilStored } from '../actions/wait-until-stored.js';
import { futureDue } from '../resolve-due.js';
import { parseTimeZone } from '../validate.js';
import type { Run } from './catalog.js';

export const run: Run<'taskCreate'> = async ({ positionals, options }, ctx) => {
  const [when, ...titleWords] = positionals;
  if (when === undefined) throw new UsageError('missing <when>: 7d, 1w, 2026-12-01, "2026-12-01 09:30" or a phrase');
  const title = titleWords.join(' ').trim();
  if (!title) throw new UsageError('missing <title>: what to check');
  const zone = options.tz ? parseTimeZone(options.tz) : ctx.config.settings.timeZone;
  const emails = options.email ?? [];
  const bad = emails.find((e) => !isMailAddress(e));
  if (bad !== undefined) throw new UsageError(`--email ${bad}: not an e-mail address`);
  const now = ctx.io.clock();
  const dueAt = futureDue(when, now, zone, ctx.config.settings.limits.maxDaysAhead);
  const recurrence = options.every !== undefined ? recurrenceOf(options.every, zone, ctx.config.settings.defaultHour) : undefined;

  const intent: ScheduleIntentInput = {
    chatId: TEAM_CHAT_ID,
    action: { type: 'task', payload: { title, ...(options.note ? { note: options.note } : {}), ...(emails.length ? { emails } : {}) } },
    dueAt: dueAt.toISOString(),
    reason: `task: ${title}`.slice(0, 500),
    idempotencyKey: `cli-task:${randomUUID()}`,
    contextAt: now.toISOString(),
    timeZone: zone,
    source: 'cli',
    by: ctx.actor,
    ...(recurrence ? { recurrence } : {}),
  };
  const checked = scheduleIntentSchema.safeParse(intent);
  if (!checked.success) throw new UsageError(checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const { js } = await ctx.nats(['schedule']);
  await publishJson(js, subjects.scheduleIntent(TEAM_CHAT_ID), intent, intent.idempotencyKey);

  const row = await waitUntilStored(ctx, TEAM_CHAT_ID, intent.idempotencyKey);
  const repeats = recurrence ? `, then ${describeRecurrence(recurrence.pattern, 'en')} (${zone})` : '';
  if (!row) {
    ctx.print(`queued     task "${title}" due ${formatLocal(dueAt, zone)}${repeats}: the scheduler did not store it within ${ctx.config.CLI_WAIT_MS} ms; it is kept in the SCHEDULE stream`);
    return exitCodes.ok;
  }
  ctx.print(`scheduled  ${row.id}`);
  ctx.print(`task       ${title}`);
  ctx.print(`due        ${formatLocal(row.due_at, zone)} (${zone})${repeats}`);
  ctx.print(`report to  ${reportChannels(ctx.config.settings.report, emails)}`);
  return exitCodes.ok;
};

function recurrenceOf(rule: string, timeZone: string, defaultHour: number) {
  let parsed: ReturnType<typeof parseRecurrence>;
  try {
    parsed = parseRecurrence(rule, { defaultHour });
  } catch (e) {
    throw new UsageError(`--every "${rule}": ${(e as Error).message}`);
  }
  if (!parsed) throw new UsageError(`--every "${rule}": not a repetition I understand; use "every Monday 10:00", "weekly", "каждый понедельник в 10", "ежемесячно 1-го" or a cron pattern like "0 9 * * 1-5"`);
  return { pattern: parsed.pattern, timeZone, description: parsed.description };
}

function reportChannels(report: { smtpUrl: string | null; to: readonly string[]; telegramChat: string | null }, emails: string[]): string {
  const to = emails.length ? emails : report.to;
  const channels = ['"followups attention"'];
  if (report.telegramChat) channels.unshift(`the operators' chat ${report.telegramChat}`);
  if (to.length) channels.push(report.smtpUrl ? `e-mail to ${to.join(', ')}` : `e-mail to ${to.join(', ')} once SMTP_URL is set (it is not)`);
  return channels.join(', ');
}
