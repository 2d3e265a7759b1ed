import { streams, subjects, telegramStatusSchema, type TelegramStatus } from '@followups/contracts';
import { exitCodes } from '../errors.js';
import { formatRelative } from '../output.js';
import type { Run } from './catalog.js';

export const run: Run<'telegramStatus'> = async ({ options }, ctx) => {
  const account = ctx.config.TELEGRAM_ACCOUNT;
  const { jsm } = await ctx.nats(['telegram']);
  const m = await jsm.streams.getMessage(streams.telegram.name, { last_by_subj: subjects.telegramStatus(account) });
  const parsed = m ? telegramStatusSchema.safeParse(m.json()) : null;
  const status = parsed?.success ? parsed.data : null;
  if (options.json) ctx.print(JSON.stringify(status));
  else ctx.print(status ? describe(status, ctx.io.clock()) : `${account}: no gateway has reported on this account (is one running with TRANSPORT=telegram?)`);
  return status && status.state !== 'revoked' ? exitCodes.ok : exitCodes.failed;
};

function describe(s: TelegramStatus, now: Date): string {
  const who = s.user ? ` as ${s.user.username ? `@${s.user.username}` : `user ${s.user.id}`}` : '';
  const line = `${s.account}: ${s.state}${who}, held by ${s.owner}, reported ${formatRelative(new Date(s.at), now)}`;
  if (s.state === 'revoked') return `${line}\n  the session was revoked (${s.reason ?? 'no reason given'}): nothing is sent. Log in again ("followups telegram login") and restart the gateways with the new TELEGRAM_SESSION.`;
  return s.reason ? `${line} (${s.reason})` : line;
}
