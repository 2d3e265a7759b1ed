import { listActions } from '@followups/actions';
import { defineCommand } from '../command.js';
import { isMissingTable, noTableYet } from '../connections.js';
import { CommandError, UsageError, exitCodes } from '../errors.js';
import { formatActions } from '../output.js';
import { parseChatId, parsePositiveInt, parseStatus } from '../validate.js';

export const scheduleListCommand = defineCommand({
  path: ['schedule', 'list'],
  args: '[--chat C] [--status S] [--limit N]',
  summary: 'list actions, newest first',
  help: `  --chat C     only this chat's actions
  --status S   only actions in this status: pending, claimed, sending, sent, cancelled, expired, failed
  --limit N    at most N rows (default 50)`,
  options: { chat: 'string', status: 'string', limit: 'string' },
  async run({ positionals, options }, ctx) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const filter = {
      ...(options.chat !== undefined ? { chatId: parseChatId(options.chat) } : {}),
      ...(options.status !== undefined ? { status: parseStatus(options.status) } : {}),
      limit: options.limit !== undefined ? parsePositiveInt('--limit', options.limit) : 50,
    };
    const db = await ctx.db();
    const rows = await listActions(db, filter).catch((e: unknown) => {
      throw isMissingTable(e) ? new CommandError(noTableYet, { cause: e }) : e;
    });
    ctx.io.stdout.write(formatActions(rows));
    return exitCodes.ok;
  },
});
