import { run } from './run.js';

// `followups … | head -1`: the reader left, so there is nobody to tell anything to. Exit quietly,
// as Unix tools do, instead of a stack trace about a broken pipe.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

// The edge: real streams, the real environment and clock. Everything else is in run().
const io = { stdout: process.stdout, stderr: process.stderr, env: process.env, clock: () => new Date() };
// stdin only when a command reads it (`when --batch`): opening it for every command is not free.
const code = await run(process.argv.slice(2), Object.defineProperty(io, 'stdin', { get: () => process.stdin, enumerable: true }));
process.exitCode = code;
// Should a connection linger, do not hang the shell: the work is done.
setTimeout(() => process.exit(code), 2000).unref();
