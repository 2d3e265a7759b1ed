/**
 * `pnpm bundle`: the four services and the CLI compiled to plain JavaScript in `dist/`, so the
 * image runs `node dist/<name>.js` with no TypeScript tooling at run time.
 *
 * Our own packages (`@followups/*`) are compiled into each file; every other package stays an
 * import, resolved at run time from the production `node_modules` (`pnpm deploy --prod` in the
 * Dockerfile). Files our code reads beside itself (`new URL('../defaults.json', import.meta.url)`)
 * are copied to `dist/assets/` and the URL rewritten to point there, so a bundle works wherever
 * `dist/` is put.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist');

const entries = {
  scheduler: 'services/scheduler/src/main.ts',
  dispatcher: 'services/dispatcher/src/main.ts',
  agent: 'services/agent/src/main.ts',
  gateway: 'services/gateway/src/main.ts',
  followups: 'packages/cli/src/main.ts',
  chat: 'packages/cli/src/chat.ts',
};

/** Bare imports of anything but our own packages stay imports (they live in node_modules). */
const thirdPartyExternal: Plugin = {
  name: 'third-party-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@followups/') ? undefined : { path: args.path, external: true }));
  },
};

// `new URL('<relative file>', import.meta.url)`; a bare directory ('..') is not an asset.
const assetUrl = /new URL\((['"])(\.\.?\/[^'"]*\.[a-z]+)\1,\s*import\.meta\.url\)/g;

/** Asset file name → the file it was copied from (two different files may not share a name). */
const copied = new Map<string, string>();
/** Copies each file a module locates through its own URL into dist/assets and points the URL there. */
const assetsBesideBundle: Plugin = {
  name: 'assets-beside-bundle',
  setup(b) {
    b.onLoad({ filter: /\/(packages|services)\/.*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const contents = source.replace(assetUrl, (_match, quote: string, relative: string) => {
        const file = resolve(dirname(args.path), relative);
        if (!existsSync(file)) throw new Error(`${args.path} locates ${relative}, which does not exist`);
        const name = basename(file);
        if ((copied.get(name) ?? file) !== file) throw new Error(`two assets are called ${name}: ${copied.get(name)} and ${file}`);
        copied.set(name, file);
        mkdirSync(join(out, 'assets'), { recursive: true });
        copyFileSync(file, join(out, 'assets', name));
        return `new URL(${quote}./assets/${name}${quote}, import.meta.url)`;
      });
      return { contents, loader: 'ts' };
    });
  },
};

rmSync(out, { recursive: true, force: true });
const started = Date.now();
await build({
  entryPoints: entries,
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Code loaded on demand (`await import(…)`, e.g. a CLI command's implementation) gets a chunk of
  // its own, so `followups --help` does not load what only `schedule create` needs.
  splitting: true,
  // Beside the entry points, so every file finds dist/assets at the same relative place.
  chunkNames: 'chunk-[hash]',
  target: 'node20',
  sourcemap: 'linked',
  // Stack traces and logs keep our function names.
  keepNames: true,
  logLevel: 'warning',
  plugins: [thirdPartyExternal, assetsBesideBundle],
});
process.stdout.write(`bundled ${Object.keys(entries).join(', ')} into dist/ in ${Date.now() - started} ms\n`);
