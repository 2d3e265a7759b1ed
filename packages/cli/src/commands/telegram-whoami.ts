import { classifySendError } from '@followups/telegram';
import { CommandError, UsageError, exitCodes } from '../errors.js';
import { cliTelegramClient, describeUser, userJson } from '../telegram/telegram-client.js';
import type { Run } from './catalog.js';

export const run: Run<'telegramWhoami'> = async ({ options }, ctx) => {
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
};
