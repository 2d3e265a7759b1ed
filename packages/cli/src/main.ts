import { run } from './run.js';

// The edge: real streams, the real environment and clock. Everything else is in run().
const code = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, clock: () => new Date() });
process.exitCode = code;
// Should a connection linger, do not hang the shell: the work is done.
setTimeout(() => process.exit(code), 2000).unref();
