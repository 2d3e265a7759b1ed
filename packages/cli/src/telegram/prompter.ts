import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Io } from '../io.js';
import { CommandError } from '../errors.js';

export const CANCELLED = 'cancelled: the input ended before the login was complete';

export interface Prompter {
  ask(question: string): Promise<string>;
  /** As `ask`, without echoing what is typed (a terminal shows nothing; a pipe never echoes). */
  askSecret(question: string): Promise<string>;
  /** A question met the end of the input (GramJS swallows some errors of its callbacks, so this is asked after). */
  readonly cancelled: boolean;
  close(): void;
}

/**
 * Questions on stderr, answers from stdin, one line each: stdout stays for the result (the
 * session string), so `followups telegram login > session.txt` works. The end of input cancels.
 */
export function createPrompter(io: Io): Prompter {
  if (!io.stdin) throw new CommandError('this command asks questions and needs an input (a terminal or a pipe)');
  let muted = false;
  const echo = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) io.stderr.write(chunk.toString());
      done();
    },
  });
  const terminal = Boolean((io.stdin as NodeJS.ReadStream).isTTY);
  const rl = createInterface({ input: io.stdin, output: echo, terminal });
  const lines: string[] = [];
  const waiting: Array<(line: string | null) => void> = [];
  let ended = false;
  let cancelled = false;
  rl.on('line', (line) => {
    const w = waiting.shift();
    if (w) w(line);
    else lines.push(line);
  });
  rl.on('close', () => {
    ended = true;
    for (const w of waiting.splice(0)) w(null);
  });
  const next = (question: string, secret: boolean) =>
    new Promise<string>((resolve, reject) => {
      io.stderr.write(question);
      muted = secret && terminal;
      const take = (line: string | null) => {
        if (muted) io.stderr.write('\n');
        muted = false;
        if (line === null) {
          cancelled = true;
          reject(new CommandError(CANCELLED));
        }
        else resolve(line.trim());
      };
      const buffered = lines.shift();
      if (buffered !== undefined) take(buffered);
      else if (ended) take(null);
      else waiting.push(take);
    });
  return {
    ask: (q) => next(q, false),
    askSecret: (q) => next(q, true),
    get cancelled() {
      return cancelled;
    },
    close: () => rl.close(),
  };
}
