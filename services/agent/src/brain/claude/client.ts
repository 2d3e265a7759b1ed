import Anthropic from '@anthropic-ai/sdk';
import type { Logger } from '@followups/kit';

export interface ClaudeClientOptions {
  apiKey: string;
  /** Unset: Anthropic's API. Passed explicitly, so the SDK never reads ANTHROPIC_BASE_URL behind the config's back. */
  baseURL?: string | undefined;
  /** Per HTTP attempt. The SDK retries a timed-out attempt too. */
  timeoutMs: number;
  /**
   * Retries of one request. The SDK retries 408, 409, 429, 5xx (529 overloaded included) and
   * connection errors itself, honouring `retry-after(-ms)` and otherwise backing off
   * exponentially (0.5 s, 1 s, 2 s … up to 8 s, with jitter).
   */
  maxRetries: number;
}

const ANTHROPIC_API = 'https://api.anthropic.com';

/** The Messages API client the Claude brain talks through. */
export function createClaudeClient(options: ClaudeClientOptions, log: Logger): Anthropic {
  return new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? ANTHROPIC_API,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
    // Explicit, so ANTHROPIC_LOG in the environment changes nothing; the SDK never logs the key.
    logLevel: 'info',
    logger: sdkLogger(log.child({ component: 'anthropic-sdk' })),
  });
}

/**
 * The SDK's log lines into pino. Its `info` lines are one per request and per retry ("… failed
 * with status 529 … retrying, 1 attempts remaining"), which is debug detail for us; its extra
 * arguments (request options, which hold the client's words) are dropped.
 */
function sdkLogger(log: Logger) {
  return {
    error: (message: string) => log.error(message),
    warn: (message: string) => log.warn(message),
    info: (message: string) => log.debug(message),
    debug: (message: string) => log.trace(message),
  };
}
