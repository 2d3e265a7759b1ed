import { UsageError } from './errors.js';

/** Each option a command accepts, by long name: takes a value (`string`), may be given several times (`strings`), or is a switch (`boolean`). */
export type OptionSpec = Record<string, 'string' | 'strings' | 'boolean'>;

export interface ParsedArgs<S extends OptionSpec = OptionSpec> {
  positionals: string[];
  options: { [K in keyof S]?: S[K] extends 'string' ? string : S[K] extends 'strings' ? string[] : boolean };
  help: boolean;
}

/**
 * A small argv parser: `--name value`, `--name=value`, switches, `--` ends the options, and
 * `-h`/`--help` everywhere. Unlike node:util parseArgs it reads `-100123` as a positional (a group
 * chat id), not as an unknown option.
 */
export function parseArgv<S extends OptionSpec>(argv: readonly string[], spec: S): ParsedArgs<S> {
  const positionals: string[] = [];
  const options: Record<string, string | string[] | boolean> = {};
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq === -1 ? undefined : eq);
      const kind = spec[name];
      if (!kind) throw new UsageError(`unknown option --${name}`);
      if (kind === 'boolean') {
        if (eq !== -1) throw new UsageError(`--${name} takes no value`);
        options[name] = true;
        continue;
      }
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      if (kind === 'strings') options[name] = [...((options[name] as string[] | undefined) ?? []), value];
      else options[name] = value;
      continue;
    }
    if (/^-[^\d]/.test(arg)) throw new UsageError(`unknown option ${arg}`);
    positionals.push(arg);
  }
  return { positionals, options: options as ParsedArgs<S>['options'], help };
}
