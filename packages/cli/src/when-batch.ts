import { createInterface } from 'node:readline';
import type { Output } from './io.js';
import { answerLine } from './when-answer.js';

/** Answers gathered before one write: large enough to amortise the write, small enough to stream. */
const MAX_PENDING = 2048;

export interface BatchSummary {
  lines: number;
  errors: number;
}

/**
 * `followups when --batch`: one JSON answer per input line, in order, streamed. The lines of each
 * chunk read are answered together and written at once (after the chunk, or every MAX_PENDING
 * answers), so a pipe of thousands of lines costs few writes while a caller that writes one line
 * and waits still gets its answer straight away. A full output pauses the input until it drains.
 */
export function runWhenBatch(input: NodeJS.ReadableStream, output: Output, defaults: { now: Date; tz: string }): Promise<BatchSummary> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input, crlfDelay: Infinity });
    const summary: BatchSummary = { lines: 0, errors: 0 };
    let pending: string[] = [];
    let scheduled = false;

    const flush = () => {
      scheduled = false;
      if (pending.length === 0) return;
      const text = pending.join('');
      pending = [];
      const drains = output as Output & Partial<Pick<NodeJS.WritableStream, 'once'>>;
      if (output.write(text) === false && drains.once) {
        rl.pause();
        drains.once('drain', () => rl.resume());
      }
    };

    rl.on('line', (line) => {
      const answer = answerLine(line, ++summary.lines, defaults);
      if ('error' in answer) summary.errors++;
      pending.push(`${JSON.stringify(answer)}\n`);
      if (pending.length >= MAX_PENDING) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
    rl.once('close', () => {
      flush();
      resolve(summary);
    });
    input.once('error', (e) => {
      reject(e); // first, so the close that follows does not settle it as done
      rl.close();
    });
  });
}
