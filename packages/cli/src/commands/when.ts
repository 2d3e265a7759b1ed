import { defineCommand } from '../command.js';
import { UsageError, exitCodes } from '../errors.js';
import { formatLocal } from '../output.js';
import { resolveDue } from '../resolve-due.js';
import { parseNow, parseTimeZone } from '../validate.js';

export const whenCommand = defineCommand({
  path: ['when'],
  args: '"<text>" [--now ISO] [--tz ZONE]',
  summary: 'show the time a phrase resolves to',
  help: `Prints one JSON object: {"at": ISO UTC or null, "local": wall-clock time or null, "tz": zone}.
  --now ISO   resolve as if it were this instant (default: now), e.g. 2026-11-18T07:20:00Z
  --tz ZONE   the chat's IANA time zone (default: DEFAULT_TIME_ZONE)
examples:
  followups when 2h --now 2026-11-18T07:20:00Z
  followups when "завтра утром" --tz Europe/Moscow`,
  options: { now: 'string', tz: 'string' },
  async run({ positionals, options }, ctx) {
    const text = positionals.join(' ').trim();
    if (!text) throw new UsageError('missing "<text>": the phrase to resolve, e.g. "через 2 часа" or 3d');
    const now = options.now ? parseNow(options.now) : ctx.io.clock();
    const tz = options.tz ? parseTimeZone(options.tz) : ctx.config.DEFAULT_TIME_ZONE;
    const at = resolveDue(text, now, tz);
    ctx.print(JSON.stringify({ at: at?.toISOString() ?? null, local: at ? formatLocal(at, tz) : null, tz }));
    return exitCodes.ok;
  },
});
