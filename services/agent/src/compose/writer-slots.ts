import type { FollowUpWriter } from './claude-writer.js';

/**
 * At most `slots` writes at once. A burst of due follow-ups (hundreds in one second) would
 * otherwise be as many Claude calls at once, most of them refused by the rate limit; a request
 * that waits past its signal gets the template instead, which the dispatcher still receives in time.
 */
export function limitWrites(writer: FollowUpWriter, slots: number): FollowUpWriter {
  let busy = 0;
  const waiting: (() => void)[] = [];
  const acquire = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      if (busy < slots) {
        busy++;
        return resolve();
      }
      const onAbort = () => {
        waiting.splice(waiting.indexOf(go), 1);
        reject(signal.reason);
      };
      const go = () => {
        signal.removeEventListener('abort', onAbort);
        busy++;
        resolve();
      };
      waiting.push(go);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  const release = () => {
    busy--;
    waiting.shift()?.();
  };
  return {
    name: writer.name,
    async write(input, signal) {
      await acquire(signal);
      try {
        return await writer.write(input, signal);
      } finally {
        release();
      }
    },
  };
}
