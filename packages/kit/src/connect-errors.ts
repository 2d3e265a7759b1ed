import { describeError } from './backoff.js';
import { ConfigError } from './errors.js';

/**
 * Failures to connect that waiting will not fix: the credentials, the role, the database or the
 * TLS settings are wrong. A service says so once, naming the URL (never its password), and exits;
 * a refused or reset connection (the server is not up yet) is retried instead.
 */
const PERMANENT_PG_CODES = new Set([
  '28P01', // invalid password
  '28000', // invalid authorization: no such role, pg_hba rejects
  '3D000', // no such database (and we could not create it)
  '42501', // insufficient privilege, e.g. to create the database
]);

const PERMANENT_MESSAGES = /password authentication failed|role .* does not exist|does not support SSL|SSL|certificate|self[- ]signed|Invalid URL|authorization violation|authentication (?:expired|timeout)?\s*(?:failed|error)?|permissions violation/i;

export function isPermanentConnectError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && PERMANENT_PG_CODES.has(code)) return true;
  return PERMANENT_MESSAGES.test(describeError(e)) && !/ECONNREFUSED|ECONNRESET|timeout/i.test(describeError(e));
}

/** A connection URL as it may be logged: the password replaced by `***`. */
export function redactUrl(url: string): string {
  return url
    .split(',')
    .map((one) => {
      try {
        const u = new URL(one.trim());
        if (u.password) u.password = '***';
        return u.toString();
      } catch {
        return '(unparseable URL)';
      }
    })
    .join(',');
}

/** The ConfigError a permanent connect failure becomes: the service exits with it (code 2). */
export function permanentConnectError(variable: string, url: string, e: unknown): ConfigError {
  return new ConfigError(`${variable}: cannot connect to ${redactUrl(url)}: ${describeError(e)} — check the URL, the credentials and the server's settings`);
}
