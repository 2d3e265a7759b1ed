import Anthropic from '@anthropic-ai/sdk';

export interface ClaudeFailure {
  /** Claude could not be reached or would not serve us: a timeout, a lost connection, 5xx/529 or 429 after the SDK's retries, a rejected key. */
  unreachable: boolean;
  /** For the log: the error's kind and status, never the request. */
  reason: string;
}

/** What went wrong with a Claude call, as the fallback reports it. */
export function describeClaudeFailure(error: unknown): ClaudeFailure {
  if (error instanceof Anthropic.APIConnectionTimeoutError) return { unreachable: true, reason: 'timeout' };
  if (error instanceof Anthropic.APIConnectionError) return { unreachable: true, reason: 'connection error' };
  if (error instanceof Anthropic.APIError) {
    const type = (error.error as { error?: { type?: string } } | undefined)?.error?.type;
    const unreachable =
      error instanceof Anthropic.InternalServerError ||
      error instanceof Anthropic.RateLimitError ||
      error instanceof Anthropic.AuthenticationError ||
      error instanceof Anthropic.PermissionDeniedError;
    return { unreachable, reason: `${error.name} ${error.status ?? ''}${type ? ` ${type}` : ''}`.trim() };
  }
  return { unreachable: false, reason: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error).slice(0, 300) };
}
