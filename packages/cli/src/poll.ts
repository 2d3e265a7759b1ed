import { sleep } from '@followups/kit';

/**
 * Asks `probe` every `intervalMs` until it returns a value or `timeoutMs` passes (`undefined`
 * then). For a command waiting on another service to apply its request.
 */
export async function pollFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 100): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() >= deadline) return undefined;
    await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
}
