import { isConfigError, type ConfigError } from '../errors.js';

/** The ConfigError `load` throws; fails the test when it throws something else or nothing. */
export function configErrorOf(load: () => unknown): ConfigError {
  try {
    load();
  } catch (e) {
    if (isConfigError(e)) return e;
    throw new Error(`expected a ConfigError, got ${String(e)}`);
  }
  throw new Error('expected a ConfigError, but the configuration loaded');
}
