import { connect } from '@nats-io/transport-node';
import { subjects, type SandboxDelivered } from '@followups/contracts';
import { collect, sleep, waitFor } from '@followups/kit/testing';

export interface ConversationResult {
  /** NATS connection names of the dispatchers: three distinct ones. */
  dispatchers: string[];
  replyCount: number;
  followUpCount: number;
  followUpAfter: string;
  cliCount: number;
}

// Long enough after a delivery for a second copy from another dispatcher or a redelivery to show.
const SETTLE_MS = 10_000;

/**
 * Through the compose stack's NATS (as `admin`, sandbox.conf): a client asks to be pinged in 20
 * seconds and gets one confirmation and, later, one follow-up; an operator schedules a follow-up
 * with the CLI in the image (`docker compose run cli`), delivered once.
 */
export async function runConversation(o: { natsHost: string; cli: (...args: string[]) => string; log: (line: string) => void }): Promise<ConversationResult> {
  const nc = await connect({ servers: `${o.natsHost}:4222`, user: 'admin', pass: process.env.NATS_ADMIN_PASSWORD ?? 'admindev', name: 'compose-smoke' });
  try {
    const connz = (await (await fetch(`http://${o.natsHost}:8222/connz?limit=1024`)).json()) as { connections: { name?: string }[] };
    const dispatchers = connz.connections.flatMap((c) => (c.name?.startsWith('dispatcher-') ? [c.name] : [])).sort();
    if (new Set(dispatchers).size !== 3) throw new Error(`expected 3 dispatchers with distinct names on NATS, saw: ${dispatchers.join(', ') || 'none'}`);

    const chat = String(790_000_000 + Math.floor(Math.random() * 9_000_000));
    const delivered = collect<SandboxDelivered>(nc, subjects.sandboxDelivered(chat));
    o.log(`conversation in chat ${chat}: "Busy now, ping me in 20 seconds"`);
    nc.publish(subjects.sandboxClient(chat), JSON.stringify({ text: 'Busy now, ping me in 20 seconds' }));
    const reply = await waitFor('the confirmation', () => delivered.messages[0]?.data, 60_000);
    o.log(`bot: "${reply.text}"`);
    const asked = Date.now();
    const followUp = await waitFor('the follow-up', () => delivered.messages[1]?.data, 120_000);
    const followUpAfter = `${((Date.now() - asked) / 1000).toFixed(0)} s`;
    o.log(`bot, ${followUpAfter} later: "${followUp.text}"`);
    await sleep(SETTLE_MS);
    const texts = delivered.messages.map((m) => m.data.text);
    delivered.stop();
    const count = (text: string) => texts.filter((t) => t === text).length;
    if (texts.length !== 2) throw new Error(`expected the confirmation and the follow-up once each, got ${texts.length}: ${JSON.stringify(texts)}`);

    const cliChat = String(Number(chat) + 1);
    const cliText = `Compose smoke check-in ${cliChat}`;
    const cliDelivered = collect<SandboxDelivered>(nc, subjects.sandboxDelivered(cliChat));
    o.log(`CLI in the image: schedule create ${cliChat} "in 5 seconds" …`);
    o.log(`CLI: ${o.cli('schedule', 'create', cliChat, 'in 5 seconds', cliText).trim().split('\n')[0]}`);
    await waitFor('the CLI follow-up', () => cliDelivered.messages[0], 60_000);
    await sleep(SETTLE_MS);
    const cliCount = cliDelivered.messages.filter((m) => m.data.text === cliText).length;
    cliDelivered.stop();
    if (cliDelivered.messages.length !== 1 || cliCount !== 1) throw new Error(`expected the CLI follow-up once, got ${JSON.stringify(cliDelivered.messages.map((m) => m.data.text))}`);

    return { dispatchers, replyCount: count(reply.text), followUpCount: count(followUp.text), followUpAfter, cliCount };
  } finally {
    await nc.close();
  }
}
