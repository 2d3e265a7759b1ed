import { randomUUID } from 'node:crypto';
import { MAX_MESSAGE_LENGTH, scheduleIntentSchema, subjects, type ScheduleIntentInput } from '@followups/contracts';
import { publishJson } from '@followups/kit';
import { sendingPolicy } from '@followups/manners';
import { isDayGranular } from '@followups/when';
import { UsageError, exitCodes } from '../errors.js';
import { formatLocal } from '../output.js';
import { waitUntilStored } from '../actions/wait-until-stored.js';
import { chatZone } from '../chats/chat-zones.js';
import { futureDue } from '../resolve-due.js';
import { parseChatId, parseIsoInstant, parseTimeZone } from '../validate.js';
import type { Run } from './catalog.js';

export const run: Run<'scheduleCreate'> = async ({ positionals, options }, ctx) => {
  const [chat, when, ...words] = positionals;
  const chatId = parseChatId(chat);
  if (when === undefined) throw new UsageError('missing <when>: an ISO time or a phrase like 45s, 2h, 3d, 1w, 2026-12-01');
  const text = words.join(' ').trim();
  if (!text) throw new UsageError('missing <text…>: the message to send');
  const timeZone = options.tz ? parseTimeZone(options.tz) : await chatZone(ctx, chatId);
  const now = ctx.io.clock();
  const asked = futureDue(when, now, timeZone, ctx.config.settings.limits.maxDaysAhead);
  // The same manners as the agent's follow-ups: inside the chat's send window, off a holiday when only a day was named.
  const placed = options['any-hour'] ? { at: asked, moved: null } : sendingPolicy(ctx.config.settings).place(asked, timeZone, !parseIsoInstant(when.trim()) && isDayGranular(when));
  const dueAt = placed.at;
  if (placed.moved) ctx.io.stderr.write(`note: ${formatLocal(asked, timeZone)} is ${placed.moved === 'holiday' ? `a public holiday (${placed.holiday})` : 'outside the send window'}; moved to ${formatLocal(dueAt, timeZone)} (--any-hour keeps it)\n`);
  if (text.length > MAX_MESSAGE_LENGTH) throw new UsageError(`<text…> is ${text.length} characters; a Telegram message holds ${MAX_MESSAGE_LENGTH}`);

  // cancelOn is left out on purpose: the scheduler applies the type's default policy, the same as for the agent's follow-ups.
  const intent: ScheduleIntentInput = {
    chatId,
    action: { type: 'follow_up', payload: { text, ...(options.compose ? { compose: true } : {}) } },
    dueAt: dueAt.toISOString(),
    reason: options.reason ?? 'scheduled from the CLI',
    idempotencyKey: `cli:${randomUUID()}`,
    contextAt: now.toISOString(),
    timeZone,
    source: 'cli',
    by: ctx.actor,
  };
  const checked = scheduleIntentSchema.safeParse(intent);
  if (!checked.success) throw new UsageError(checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const { js } = await ctx.nats(['schedule']);
  await publishJson(js, subjects.scheduleIntent(chatId), intent, intent.idempotencyKey);

  const row = await waitUntilStored(ctx, chatId, intent.idempotencyKey);
  if (!row) {
    ctx.print(`queued     ${intent.idempotencyKey} for chat ${chatId}, due ${dueAt.toISOString()} (${formatLocal(dueAt, timeZone)}, ${timeZone})`);
    ctx.print(`not stored yet: the scheduler did not store it within ${ctx.config.CLI_WAIT_MS} ms. The intent is kept in the SCHEDULE stream and will be stored when the scheduler runs.`);
    return exitCodes.ok;
  }
  ctx.print(`scheduled  ${row.id}`);
  ctx.print(`chat       ${row.chat_id}`);
  ctx.print(`due        ${row.due_at.toISOString()} (${formatLocal(row.due_at, timeZone)}, ${timeZone})`);
  ctx.print(`status     ${row.status}${row.cancel_reason ? ` (${row.cancel_reason})` : ''}`);
  return exitCodes.ok;
};
