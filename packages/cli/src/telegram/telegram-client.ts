import { Api, type TelegramClient } from 'telegram';
import { createTelegramClient } from '@followups/telegram';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';

/** A GramJS client for `telegram login|whoami`, with the credentials from the environment. */
export async function cliTelegramClient(ctx: Context, session: string): Promise<TelegramClient> {
  const { TELEGRAM_API_ID: apiId, TELEGRAM_API_HASH: apiHash, TELEGRAM_SERVER: server } = ctx.config;
  if (apiId === undefined || apiHash === undefined) {
    throw new UsageError('set TELEGRAM_API_ID and TELEGRAM_API_HASH first: my.telegram.org → API development tools (see the README, "Connecting a Telegram account")');
  }
  const nc = server === 'standin' ? (await ctx.nats()).nc : undefined;
  return createTelegramClient({ apiId, apiHash, session, server, ...(nc ? { nc } : {}) });
}

/** "Anna Petrova (@anna_sales), id 5000001, +79990000001" */
export function describeUser(me: Api.User): string {
  const name = [me.firstName, me.lastName].filter(Boolean).join(' ') || 'no name';
  return `${name}${me.username ? ` (@${me.username})` : ''}, id ${me.id.toString()}${me.phone ? `, +${me.phone}` : ''}`;
}

export const userJson = (me: Api.User) => ({
  id: me.id.toString(),
  name: [me.firstName, me.lastName].filter(Boolean).join(' ') || null,
  username: me.username ?? null,
  phone: me.phone ? `+${me.phone}` : null,
});
