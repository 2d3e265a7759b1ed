import { DeliverPolicy, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { ActionRow } from '@followups/actions';
import { opsAttentionSchema, sandboxDeliveredSchema, streams, subjects } from '@followups/contracts';
import { describeError, publishJson, safeJson, type NatsHandles } from '@followups/kit';
import { formatActions } from '../actions/format-actions.js';
import { actionZone } from '../chats/chat-zones.js';
import { formatClock } from '../output.js';

export interface ChatSessionDeps {
  /** With the SANDBOX_INPUT, SANDBOX_DELIVERED and OPS streams in place. */
  nats: NatsHandles;
  chatId: string;
  timeZone: string;
  /** Shows one line to the person at the terminal. */
  print: (line: string) => void;
  /** The chat's actions, for `/list`. */
  listActions: () => Promise<ActionRow[]>;
  clock: () => Date;
}

export interface ChatSession {
  /** Handles one typed line: a message as the client, or a slash command. */
  handle(line: string): Promise<'continue' | 'quit'>;
  stop(): Promise<void>;
}

export const chatHelp = `type a line to send it as the client; commands:
  /operator <text>   type as the human operator on the sales account (counts as a takeover)
  /takeover [name]   a human takes this chat over
  /release [name]    hand it back to the bot
  /list              this chat's actions
  /help              this help
  /quit              leave (Ctrl-D too)`;

/**
 * The terminal chat without the terminal: plays the sandbox client of one chat. Lines go to
 * `sandbox.client.<chat>`; everything the stack delivers to the chat (`sandbox.delivered.<chat>`)
 * is printed as it arrives.
 */
export async function startChatSession(deps: ChatSessionDeps): Promise<ChatSession> {
  const { js, jsm } = deps.nats;
  const stamp = (d: Date) => `[${formatClock(d, deps.timeZone)}]`;

  // What was delivered, read from the SANDBOX_DELIVERED stream itself (it stores the sends on
  // `sandbox.outbox.<chat>` and re-publishes them to `sandbox.delivered.<chat>` on core NATS), so
  // nothing is missed while the connection is down. An ordered consumer from the first message
  // stored after now: a start sequence rather than DeliverPolicy.New, because the ordered consumer
  // resumes from its last sequence after a reconnect, and with New and nothing received yet it
  // would resume from the stream's first message and replay the chat's past.
  const { state } = await jsm.streams.info(streams.sandboxDelivered.name);
  const consumer = await js.consumers.get(streams.sandboxDelivered.name, {
    filter_subjects: subjects.sandboxOutbox(deps.chatId), // one subject, not a list: servers before 2.10 know no list
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: state.last_seq + 1,
  });
  const messages: ConsumerMessages = await consumer.consume({ callback: (m: JsMsg) => deps.print(describeDelivered(m, stamp)) });
  // Hand-offs to a human are part of what the stack did with a message: shown as they happen
  // (live only; `followups attention` lists what is still open).
  const handOffs = deps.nats.nc.subscribe(subjects.opsAttention(deps.chatId), {
    callback: (_e, m) => {
      const parsed = opsAttentionSchema.safeParse(safeJson(m.string()));
      if (!parsed.success) return;
      const a = parsed.data;
      deps.print(`${stamp(deps.clock())} → handed to a human (${a.reason})${a.suggested ? `: ${a.suggested}` : ''}`);
    },
  });

  const publish = (subject: string, body: unknown) => publishJson(js, subject, body);

  const slash = async (command: string, arg: string): Promise<'continue' | 'quit'> => {
    switch (command) {
      case '/operator':
        if (!arg) deps.print('usage: /operator <text>');
        else {
          await publish(subjects.sandboxOperator(deps.chatId), { text: arg });
          deps.print(`${stamp(deps.clock())} operator: ${arg}`);
        }
        return 'continue';
      case '/takeover':
        await publish(subjects.opsTakeover(deps.chatId), arg ? { operator: arg } : {});
        deps.print('taken over: the bot stays silent and pending follow-ups are cancelled until /release');
        return 'continue';
      case '/release':
        await publish(subjects.opsRelease(deps.chatId), arg ? { operator: arg } : {});
        deps.print('released: the bot answers again');
        return 'continue';
      case '/list':
        deps.print(formatActions(await deps.listActions(), { now: deps.clock(), zoneOf: actionZone(() => deps.timeZone) }).trimEnd());
        return 'continue';
      case '/help':
        deps.print(chatHelp);
        return 'continue';
      case '/quit':
      case '/exit':
        return 'quit';
      default:
        deps.print(`unknown command ${command}: /help lists them`);
        return 'continue';
    }
  };

  return {
    async handle(line) {
      const text = line.trim();
      if (!text) return 'continue';
      try {
        if (!text.startsWith('/')) {
          await publish(subjects.sandboxClient(deps.chatId), { text });
          return 'continue';
        }
        const command = text.split(/\s/, 1)[0]!;
        return await slash(command.toLowerCase(), text.slice(command.length).trim());
      } catch (e) {
        deps.print(`error: ${describeError(e)}`);
        return 'continue';
      }
    },
    async stop() {
      handOffs.unsubscribe();
      messages.stop();
      await messages.closed().catch(() => {});
    },
  };
}

function describeDelivered(m: JsMsg, stamp: (d: Date) => string): string {
  const parsed = sandboxDeliveredSchema.safeParse(safeJson(m.string()));
  if (!parsed.success) return `${stamp(new Date(Math.floor(Number(m.info.timestampNanos) / 1e6)))} (unreadable message on ${m.subject})`;
  const d = parsed.data;
  return `${stamp(new Date(d.at))} bot${d.actionId ? ' (follow-up)' : ''}: ${d.text}`;
}
