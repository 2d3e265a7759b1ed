import { spawnSync } from 'node:child_process';
import { PassThrough, Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { waitFor } from '@followups/kit/testing';
import type { Io, Output } from '../io.js';
import { run } from '../run.js';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const NOW = '2026-11-18T07:20:00Z'; // Wednesday 15:20 in Asia/Makassar

/** An Io whose output the test reads; `when` opens no connection, so no NATS or Postgres is needed. */
function captureIo(stdin?: NodeJS.ReadableStream, stdout?: Output) {
  const text = { out: '', err: '' };
  const io: Io = {
    stdout: stdout ?? { write: (s: string) => (text.out += s) },
    stderr: { write: (s: string) => (text.err += s) },
    env: { LOG_LEVEL: 'silent' },
    clock: () => new Date(NOW),
    stdin,
  };
  return { io, text };
}

const lines = (out: string) => out.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('followups when --batch', () => {
  it('answers each JSON line in order, in the line\'s zone and moment, and turns bad lines into error objects without stopping', async () => {
    const input = [
      { text: 'через 2 часа', now: NOW, tz: 'Asia/Makassar' },
      { text: 'завтра в 10', now: '2026-10-24T10:00:00Z', tz: 'Europe/Berlin' }, // across the fall-back
      'not json',
      '',
      { text: 'tomorrow', tz: 'Mars/Olympus' },
      { text: 42 },
      { text: '2h', now: 'yesterday' },
      { text: 'next Monday 3pm' }, // --now and --tz apply
      { text: 'спасибо' },
    ].map((l) => (typeof l === 'string' ? l : JSON.stringify(l)));
    const { io, text } = captureIo(Readable.from([`${input.join('\n')}\n`]));
    const code = await run(['when', '--batch', '--now', NOW, '--tz', 'America/New_York'], io);
    expect({ code, err: text.err }).toEqual({ code: 0, err: '' });
    expect(lines(text.out)).toEqual([
      { at: '2026-11-18T09:20:00.000Z', local: '2026-11-18 17:20:00 Wed GMT+8', tz: 'Asia/Makassar' },
      { at: '2026-10-25T09:00:00.000Z', local: '2026-10-25 10:00:00 Sun GMT+1', tz: 'Europe/Berlin' },
      { at: null, local: null, tz: null, error: 'line 3: not a JSON object' },
      { at: null, local: null, tz: null, error: 'line 4: not a JSON object' },
      { at: null, local: null, tz: null, error: 'line 5: unknown time zone "Mars/Olympus"' },
      { at: null, local: null, tz: 'America/New_York', error: 'line 6: "text" must be a string' },
      { at: null, local: null, tz: 'America/New_York', error: expect.stringMatching(/^line 7: "now" must be an ISO time/) },
      { at: '2026-11-23T20:00:00.000Z', local: '2026-11-23 15:00:00 Mon GMT-5', tz: 'America/New_York' },
      { at: null, local: null, tz: 'America/New_York' },
    ]);
  });

  it('keeps thousands of answers in input order, across reads split mid-line', async () => {
    const count = 5000;
    const body = Array.from({ length: count }, (_, i) => JSON.stringify({ text: `через ${i + 1} минут`, now: NOW })).join('\n');
    // Chunks of odd sizes, so lines arrive split across reads.
    const chunks = body.match(/[\s\S]{1,997}/g)!;
    const { io, text } = captureIo(Readable.from(chunks));
    expect(await run(['when', '--batch'], io)).toBe(0);
    const answers = lines(text.out);
    expect(answers).toHaveLength(count);
    answers.forEach((a, i) => expect(a.at).toBe(new Date(Date.parse(NOW) + (i + 1) * 60_000).toISOString()));
  });

  it('pauses its input while the output is full, so a slow reader bounds what is buffered, and loses nothing', async () => {
    const count = 20_000;
    let mostBuffered = 0;
    let text = '';
    const slow = new Writable({
      highWaterMark: 16_384,
      write(chunk: Buffer, _enc, done) {
        mostBuffered = Math.max(mostBuffered, slow.writableLength);
        text += chunk.toString();
        setTimeout(done, 2);
      },
    });
    // 40 reads of 500 lines: without the pause, every answer (~2 MB) would pile up in the writer.
    const input = Readable.from(
      (function* () {
        for (let c = 0; c < count / 500; c++) {
          yield Array.from({ length: 500 }, (_, k) => `${JSON.stringify({ text: `через ${c * 500 + k + 1} минут`, now: NOW })}\n`).join('');
        }
      })(),
    );
    const { io } = captureIo(input, slow);
    expect(await run(['when', '--batch'], io)).toBe(0);
    await waitFor('every answer written', () => !slow.writableLength && text.split('\n').length - 1 === count);
    const answers = lines(text);
    expect(answers.at(-1)!.at).toBe(new Date(Date.parse(NOW) + count * 60_000).toISOString());
    expect(mostBuffered).toBeLessThan(500_000);
  });

  it('answers a line as soon as it arrives, so a co-process can write a line and wait for the answer', async () => {
    const stdin = new PassThrough();
    const { io, text } = captureIo(stdin);
    const done = run(['when', '--batch', '--now', NOW], io);
    stdin.write(`${JSON.stringify({ text: '45m' })}\n`);
    await waitFor('the first answer', () => text.out.includes('\n'));
    expect(lines(text.out)).toEqual([{ at: '2026-11-18T08:05:00.000Z', local: '2026-11-18 16:05:00 Wed GMT+8', tz: 'Asia/Makassar' }]);
    stdin.write(`${JSON.stringify({ text: 'в пятницу в 5' })}\n`);
    await waitFor('the second answer', () => text.out.split('\n').length === 3);
    stdin.end();
    expect(await done).toBe(0);
    expect(lines(text.out)[1]).toMatchObject({ local: '2026-11-20 17:00:00 Fri GMT+8' });
  });

  it('refuses a phrase given with --batch, and --batch with no input to read', async () => {
    const withText = captureIo(Readable.from([]));
    expect(await run(['when', 'завтра', '--batch'], withText.io)).toBe(2);
    expect(withText.text.err).toMatch(/--batch reads the phrases from stdin/);
    const noStdin = captureIo();
    expect(await run(['when', '--batch'], noStdin.io)).toBe(1);
    expect(noStdin.text.err).toMatch(/--batch needs a standard input/);
  });

  it('runs through the real entry point with piped lines', () => {
    const input = ['{"text":"через неделю","now":"2026-11-18T07:20:00Z","tz":"Europe/Berlin"}', '{"text":"2h","now":"2026-11-18T07:20:00Z"}', '{oops'].join('\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/main.ts', 'when', '--batch'], {
      cwd: root,
      input,
      env: { ...process.env, LOG_LEVEL: 'silent', DEFAULT_TIME_ZONE: 'Asia/Makassar' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(lines(r.stdout)).toEqual([
      { at: '2026-11-25T09:00:00.000Z', local: '2026-11-25 10:00:00 Wed GMT+1', tz: 'Europe/Berlin' },
      { at: '2026-11-18T09:20:00.000Z', local: '2026-11-18 17:20:00 Wed GMT+8', tz: 'Asia/Makassar' },
      { at: null, local: null, tz: null, error: 'line 3: not a JSON object' },
    ]);
  });
});
