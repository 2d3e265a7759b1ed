import { classifySendError } from '@followups/telegram';
import { defineCommand } from '../command.js';
import { CommandError, UsageError, exitCodes } from '../errors.js';
import { cliTelegramClient, describeUser, userJson } from '../telegram/telegram-client.js';

export const telegramWhoamiCommand = defineCommand({
  path: ['telegram', 'whoami'],
  args: '[--json]',
  summary: 'check a session string: which account it logs in, or why it no longer does',
  help: `Connects with TELEGRAM_SESSION (as the gateway would) and says which account it is, or that
the session is no longer valid (revoked from the phone's "Active sessions", logged out, or used
from two places at once) and a new "followups telegram login" is needed. Exit 1 when invalid.
Do not run it while the stack's gateway holds the session: one session, one connection.
  --json   {"valid":true,"user":{"id","name","username","phone"}} or {"valid":false,"reason"}`,
  options: { json: 'boolean' },
  async run({ options }, ctx) {
    const session = ctx.config.TELEGRAM_SESSION;
    if (!session) throw new UsageError('set TELEGRAM_SESSION to the session string "followups telegram login" printed');
    const client = await cliTelegramClient(ctx, session);
    try {
      await client.connect();
      const me = await client.getMe();
      ctx.print(options.json ? JSON.stringify({ valid: true, user: userJson(me) }) : `valid: logged in as ${describeUser(me)}`);
      return exitCodes.ok;
    } catch (e) {
      const failure = classifySendError(e);
      if (failure.kind !== 'session') throw new CommandError(`could not check the session: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      if (options.json) ctx.print(JSON.stringify({ valid: false, reason: failure.reason }));
      else ctx.io.stderr.write(`invalid: the session no longer logs in (${failure.reason}). Log in again with "followups telegram login".\n`);
      return exitCodes.failed;
    } finally {
      await client.disconnect().catch(() => undefined);
    }
  },
});
