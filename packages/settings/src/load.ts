import { readFileSync } from 'node:fs';
// The light entry point: loading settings must not load NATS, Postgres and the logger (the CLI's start-up).
import { ConfigError } from '@followups/kit/config';
import { envOverrides, overriddenBy } from './env-overrides.js';
import { settingsSchema, type Settings } from './schema.js';

/** The repository's defaults: every setting has one. */
export const defaultsFile = new URL('../defaults.json', import.meta.url);

/**
 * The team's settings, validated once at start-up like the environment: the defaults, overlaid
 * by the JSON file FOLLOWUPS_CONFIG names (only what it sets), overlaid by the environment
 * variables of env-overrides.ts. A bad value throws a ConfigError naming where it came from —
 * the variable, or the file and key. The result is frozen.
 */
export function loadSettings(env: Record<string, string | undefined> = process.env): Readonly<Settings> {
  const merged = readJson(defaultsFile, 'the defaults') as Record<string, unknown>;
  const teamFile = env.FOLLOWUPS_CONFIG?.trim();
  if (teamFile) overlay(merged, readJson(teamFile, 'FOLLOWUPS_CONFIG'), teamFile);
  const set = Object.keys(envOverrides).filter((name) => env[name] !== undefined && env[name] !== '');
  for (const name of set) setPath(merged, envOverrides[name]!.path, envOverrides[name]!.read(env[name]!));

  const result = settingsSchema.safeParse(merged);
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const where = overriddenBy(i.path, set) ?? (teamFile ? `${teamFile}: ${i.path.join('.')}` : `defaults: ${i.path.join('.')}`);
      return `  ${where}: ${i.message}`;
    });
    throw new ConfigError(`invalid settings:\n${lines.join('\n')}`);
  }
  return deepFreeze(result.data);
}

function readJson(file: string | URL, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${what}: cannot read ${String(file)}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${what}: ${String(file)} is not JSON: ${(e as Error).message}`);
  }
}

/** Copies what `over` sets onto `base`, object by object; arrays and values replace. */
function overlay(base: Record<string, unknown>, over: unknown, file: string): void {
  if (!isObject(over)) throw new ConfigError(`FOLLOWUPS_CONFIG: ${file} must hold a JSON object`);
  for (const [key, value] of Object.entries(over)) {
    const current = base[key];
    if (isObject(value) && isObject(current)) overlay(current, value, file);
    else base[key] = value;
  }
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (!isObject(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}

/** A service's parsed environment with the team's settings beside it, both validated at start-up. */
export function withSettings<T extends object>(config: T, env: Record<string, string | undefined>): Readonly<T & { settings: Readonly<Settings> }> {
  return Object.freeze({ ...config, settings: loadSettings(env) });
}
