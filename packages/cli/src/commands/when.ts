import { defineCommand } from '../command.js';
import { CommandError, UsageError, exitCodes } from '../errors.js';
import { parseNow, parseTimeZone } from '../validate.js';
import { answerWhen } from '../when-answer.js';
import { runWhenBatch } from '../when-batch.js';

export const whenCommand = defineCommand({
  path: ['when'],
  args: '"<text>" | --batch  [--now ISO] [--tz ZONE]',
  summary: 'show the time a phrase resolves to',
  help: `Prints one JSON object: {"at": ISO UTC or null, "local": wall-clock time or null, "tz": zone}.
  --now ISO   resolve as if it were this instant (default: now), e.g. 2026-11-18T07:20:00Z
  --tz ZONE   the chat's IANA time zone (default: DEFAULT_TIME_ZONE)
  --batch     read JSON lines {"text", "now"?, "tz"?} on stdin and print one object per line, in
              order; "now" and "tz" default to --now/--tz. A line that cannot be read gives
              {"at": null, "local": null, "tz", "error": "line N: …"} and the stream goes on.
examples:
  followups when 2h --now 2026-11-18T07:20:00Z
  followups when "завтра утром" --tz Europe/Moscow
  printf '%s\\n' '{"text":"через неделю","tz":"Europe/Berlin"}' | followups when --batch`,
  options: { now: 'string', tz: 'string', batch: 'boolean' },
  async run({ positionals, options }, ctx) {
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
  },
});
