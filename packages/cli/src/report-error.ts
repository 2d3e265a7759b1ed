import { exitCodes, isCommandError, isUsageError } from './errors.js';
import type { Io } from './io.js';

/** Writes what went wrong for a person to read and returns the exit code: 2 bad input, 1 failed. */
export async function reportError(e: unknown, io: Io, usage: { line: string; more: string }): Promise<number> {
  if (isUsageError(e)) {
    io.stderr.write(`error: ${e.message}\nusage: ${usage.line}\n${usage.more}\n`);
    return exitCodes.usage;
  }
  // Not before: a usage error (`followups schedule create --bogus`) must not load the kit.
  const { describeError, isConfigError } = await import('@followups/kit');
  if (isConfigError(e)) {
    io.stderr.write(`${e.message}\n`);
    return exitCodes.usage;
  }
  io.stderr.write(`error: ${isCommandError(e) ? e.message : describeError(e)}\n`);
  return exitCodes.failed;
}
