import { opsReleaseSchema, subjects, type OpsRelease } from '@followups/contracts';
import { publishJson } from '@followups/kit';
import { takeoverStateOf } from '../chats/takeover-state.js';
import { UsageError, exitCodes } from '../errors.js';
import { parseChatId } from '../validate.js';
import type { Run } from './catalog.js';

export const run: Run<'release'> = async ({ positionals, options }, ctx) => {
  const chatId = parseChatId(positionals[0]);
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  const body: OpsRelease = options.operator ? { operator: options.operator } : {};
  const checked = opsReleaseSchema.safeParse(body);
  if (!checked.success) throw new UsageError(checked.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  const { js, jsm } = await ctx.nats(['ops']);
  if (!(await takeoverStateOf(jsm, chatId)).underHuman) {
    ctx.print(`chat ${chatId} is not held by anyone: the bot already handles it, nothing to release`);
    return exitCodes.ok;
  }
  const ack = await publishJson(js, subjects.opsRelease(chatId), checked.data);
  ctx.print(`chat ${chatId} released to the bot (stored in ${ack.stream} as #${ack.seq})`);
  return exitCodes.ok;
};
