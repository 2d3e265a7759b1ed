import { clearLine, createInterface, cursorTo, type Interface } from 'node:readline';
import { listActions } from '@followups/actions';
import { parseArgv } from '../args.js';
import { createContext, type Context } from '../context.js';
import { explainMissingTable } from '../connections.js';
import { UsageError, exitCodes } from '../errors.js';
import type { Io } from '../io.js';
import { reportError } from '../report-error.js';
import { parseChatId, parseTimeZone } from '../validate.js';
import { chatHelp, startChatSession } from './session.js';

/** The chat `pnpm chat` opens without `--chat`. */
export const DEMO_CHAT_ID = '100200300';

export interface ChatIo extends Io {
  stdin: NodeJS.ReadableStream;
  stdout: Io['stdout'] & { isTTY?: boolean };
}

const USAGE = 'pnpm chat [--chat C] [--tz ZONE]';
const HELP = `usage: ${USAGE}

A terminal chat acting as the sandbox client: what you type goes to sandbox.client.<chat>, and
everything the bot sends to the chat is printed when it arrives, follow-ups included.
  --chat C    the chat id to play (default ${DEMO_CHAT_ID})
  --tz ZONE   time zone of the time stamps (default: DEFAULT_TIME_ZONE)

${chatHelp}
`;

/** Runs the terminal chat on `io` until /quit or end of input; returns the exit code. */
export async function runChat(argv: readonly string[], io: ChatIo): Promise<number> {
  let ctx: Context | undefined;
  try {
    const args = parseArgv(argv, { chat: 'string', tz: 'string' });
    if (args.help) {
      io.stdout.write(HELP);
      return exitCodes.ok;
    }
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const chatId = parseChatId(args.options.chat ?? DEMO_CHAT_ID);
    const c = (ctx = createContext(io));
    const timeZone = args.options.tz ? parseTimeZone(args.options.tz) : c.config.settings.timeZone;
    const nats = await c.nats(['sandboxInput', 'sandboxDelivered', 'ops']);

    // On a terminal, keep the prompt and what is being typed below messages that arrive meanwhile.
    const tty = Boolean(io.stdout.isTTY && (io.stdin as { isTTY?: boolean }).isTTY);
    const out = io.stdout as NodeJS.WritableStream;
    let rl: Interface | undefined;
    let closed = false;
    const print = (line: string) => {
      if (!tty || !rl || closed) return void io.stdout.write(`${line}\n`);
      clearLine(out, 0);
      cursorTo(out, 0);
      out.write(`${line}\n`);
      rl.prompt(true);
    };
    const session = await startChatSession({
      nats,
      chatId,
      timeZone,
      print,
      listActions: async () => explainMissingTable(listActions(await c.db(), { chatId, limit: 20 })),
      clock: io.clock,
    });
    // No `await` from here to the loop: readline starts reading at once, and lines (or the end of
    // piped input) emitted before the loop takes them would be lost.
    const lines = createInterface({ input: io.stdin, ...(tty ? { output: out, prompt: 'you> ' } : {}), terminal: tty });
    rl = lines;
    lines.on('close', () => (closed = true));
    lines.on('SIGINT', () => lines.close());
    print(`chat ${chatId} as the sandbox client · NATS ${c.config.NATS_URL} · times in ${timeZone} · /help for commands, /quit or Ctrl-D to leave`);
    try {
      for await (const line of lines) {
        if ((await session.handle(line)) === 'quit') break;
        if (tty) lines.prompt();
      }
    } finally {
      lines.close();
      await session.stop();
    }
    return exitCodes.ok;
  } catch (e) {
    return await reportError(e, io, { line: USAGE, more: 'run "pnpm chat --help" for more' });
  } finally {
    await ctx?.close();
  }
}
