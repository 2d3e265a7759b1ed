export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` reaches `target`, a progress line every 2 s; resolves with the time it was reached (ms since the epoch). */
export async function until(what: string, target: number, probe: () => Promise<number>, timeoutMs = 900_000): Promise<number> {
  const start = Date.now();
  let lastPrint = start;
  for (;;) {
    const n = await probe();
    const now = Date.now();
    if (n >= target) return now;
    if (now - lastPrint > 2000) {
      process.stderr.write(`    ${what}: ${n}/${target} after ${((now - start) / 1000).toFixed(1)} s\n`);
      lastPrint = now;
    }
    if (now - start > timeoutMs) throw new Error(`${what}: only ${n}/${target} after ${timeoutMs} ms`);
    await sleep(25);
  }
}

/** Runs `fn` over `items` with at most `inFlight` pending at once (a client pipelining its calls). */
export async function pipelined<T>(items: readonly T[], inFlight: number, fn: (item: T, i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(inFlight, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  });
  await Promise.all(lanes);
}
