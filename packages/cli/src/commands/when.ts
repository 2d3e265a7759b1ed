import { CommandError, UsageError, exitCodes } from '../errors.js';
import { parseNow, parseTimeZone } from '../validate.js';
import { answerWhen } from '../when-answer.js';
import { runWhenBatch } from '../when-batch.js';
import type { Run } from './catalog.js';

export const run: Run<'when'> = async ({ positionals, options }, ctx) => {
  const text = positionals.join(' ').trim();
  const now = options.now ? parseNow(options.now) : ctx.io.clock();
  const tz = options.tz ? parseTimeZone(options.tz) : ctx.config.settings.timeZone;
  if (options.batch) {
    if (text) throw new UsageError('--batch reads the phrases from stdin: give no "<text>"');
    if (!ctx.io.stdin) throw new CommandError('--batch needs a standard input to read');
    const summary = await runWhenBatch(ctx.io.stdin, ctx.io.stdout, { now, tz });
    ctx.log.debug(summary, 'when batch done');
    return exitCodes.ok;
  }
  if (!text) throw new UsageError('missing "<text>": the phrase to resolve, e.g. "через 2 часа" or 3d');
  ctx.print(JSON.stringify(answerWhen(text, now, tz)));
  return exitCodes.ok;
};
