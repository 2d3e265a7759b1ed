import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

export interface CapturedLog {
  /** A logger at `trace` that keeps every line. */
  log: Logger;
  /** Every line so far, parsed. */
  lines(): Record<string, unknown>[];
  /** Everything written, as text: to assert a secret never reached the log. */
  raw(): string;
}

/** A pino logger whose output a test can read: warnings it expects, secrets it must not find. */
export function captureLog(): CapturedLog {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    log: pino({ level: 'trace' }, stream),
    lines: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>),
    raw: () => chunks.join(''),
  };
}
