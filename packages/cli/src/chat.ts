import { runChat } from './chat/run-chat.js';

// The edge: the real terminal, environment and clock.
const code = await runChat(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, clock: () => new Date() });
process.exitCode = code;
setTimeout(() => process.exit(code), 2000).unref();
