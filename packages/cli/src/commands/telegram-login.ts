import { CommandError, exitCodes } from '../errors.js';
import { explainLoginError } from '../telegram/login-errors.js';
import { CANCELLED, createPrompter } from '../telegram/prompter.js';
import { cliTelegramClient, describeUser } from '../telegram/telegram-client.js';
import type { Run } from './catalog.js';

export const run: Run<'telegramLogin'> = async (_args, ctx) => {
  const client = await cliTelegramClient(ctx, '');
  const prompt = createPrompter(ctx.io);
  const say = (text: string) => void ctx.io.stderr.write(`${text}\n`);
  try {
    say('Logging in the sales account. Telegram will send a code to the Telegram app where this account is logged in.');
    await client
      .start({
        phoneNumber: () => prompt.ask('Phone number (with the country code, e.g. +79991234567): '),
        phoneCode: () => prompt.ask('The code Telegram sent: '),
        password: (hint) => prompt.askSecret(`Two-step verification is on. Password${hint ? ` (hint: ${hint})` : ''}: `),
        onError: async (e) => {
          if (prompt.cancelled) return true;
          const { message, stop } = explainLoginError(e);
          say(message);
          return stop;
        },
      })
      .catch((e: unknown) => {
        if (prompt.cancelled) throw new CommandError(CANCELLED, { cause: e });
        throw new CommandError(e instanceof Error && e.message === 'AUTH_USER_CANCEL' ? 'login stopped; nothing was saved' : `login failed: ${explainLoginError(e).message}`, { cause: e });
      });
    const me = await client.getMe();
    say(`Logged in as ${describeUser(me)}.`);
    say('The session string is on stdout: store it as the secret TELEGRAM_SESSION. Check it any time with "followups telegram whoami".');
    ctx.print(String(client.session.save()));
    return exitCodes.ok;
  } finally {
    prompt.close();
    await client.disconnect().catch(() => undefined);
  }
};
