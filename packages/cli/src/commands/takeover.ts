import { opsTakeoverSchema, subjects, type OpsTakeover } from '@followups/contracts';
import { publishJson } from '@followups/kit';
import { takeoverStateOf } from '../chats/takeover-state.js';
import { UsageError, exitCodes } from '../errors.js';
import { parseChatId } from '../validate.js';
import type { Run } from './catalog.js';

export const run: Run<'takeover'> = async ({ positionals, options }, ctx) => {
  const chatId = parseChatId(positionals[0]);
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  const body: OpsTakeover = { ...(options.operator ? { operator: options.operator } : {}), ...(options.reason ? { reason: options.reason } : {}) };
  const checked = opsTakeoverSchema.safeParse(body);
  if (!checked.success) throw new UsageError(checked.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  const { js, jsm } = await ctx.nats(['ops']);
  const before = await takeoverStateOf(jsm, chatId);
  if (before.underHuman && before.operator !== body.operator) {
    ctx.io.stderr.write(`warning: chat ${chatId} is already held by ${before.operator ?? 'an unnamed operator'}${before.since ? ` since ${before.since.toISOString()}` : ''}; taking it over${body.operator ? ` for ${body.operator}` : ''}\n`);
  }
  const ack = await publishJson(js, subjects.opsTakeover(chatId), checked.data);
  ctx.print(`chat ${chatId} taken over${body.operator ? ` by ${body.operator}` : ''} (stored in ${ack.stream} as #${ack.seq})`);
  return exitCodes.ok;
};
