/**
 * `pnpm telegram:standin`: a stand-in Telegram on NATS, to run the stack with TRANSPORT=telegram
 * without an account (nothing reaches Telegram). It prints the environment for `pnpm start`, then
 * you are the client in a chat: what you type is a client's message to the sales account, and
 * what the account sends comes back here. `/phone <text>` types as the manager on the phone (a
 * takeover), `/chat <id>` switches chats, `/quit` leaves. GramJS in the gateway talks to this
 * exactly as it would to Telegram's servers (its own requests, updates and errors).
 */
import { createInterface } from 'node:readline';
import { connect } from '@nats-io/transport-node';
import { startTelegramStandin } from '@followups/telegram/standin';

const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const nc = await connect({ servers: natsUrl, name: 'telegram-standin' });
const telegram = startTelegramStandin({ nc });
const session = await telegram.authorizedSession();
let chat = process.argv.includes('--chat') ? process.argv[process.argv.indexOf('--chat') + 1]! : '100200300';

const say = (line: string) => process.stdout.write(`${line}\n`);
say(`Telegram stand-in on ${natsUrl} (tests and demos only: nothing reaches Telegram).`);
say('Start the stack in another terminal with:\n');
say(`  TRANSPORT=telegram TELEGRAM_SERVER=standin TELEGRAM_API_ID=1 TELEGRAM_API_HASH=00000000000000000000000000000000 \\\n  TELEGRAM_SESSION=${session} pnpm start\n`);
say(`You are the client in chat ${chat}. /phone <text> types as the manager on the phone, /chat <id> switches, /quit leaves.`);

// What the account sends, as it is sent.
let shown = 0;
const watcher = setInterval(() => {
  const sent = telegram.sent();
  for (const s of sent.slice(shown)) say(`account → ${s.chatId}: ${s.text}`);
  shown = sent.length;
}, 200);

const lines = createInterface({ input: process.stdin });
for await (const raw of lines) {
  const line = raw.trim();
  if (!line) continue;
  if (line === '/quit') break;
  if (line.startsWith('/chat ')) {
    chat = line.slice(6).trim();
    say(`now chat ${chat}`);
  } else if (line.startsWith('/phone ')) {
    telegram.accountWritesElsewhere(chat, line.slice(7));
    say(`(the manager typed on the phone in chat ${chat})`);
  } else telegram.clientWrites(chat, line, { firstName: 'Demo client' });
}
clearInterval(watcher);
telegram.close();
await nc.drain();
