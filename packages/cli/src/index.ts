/** `@followups/cli`: the `followups` command and the terminal chat, callable in-process (tests). */
export { run } from './run.js';
export { runChat, DEMO_CHAT_ID, type ChatIo } from './chat/run-chat.js';
export { startChatSession, type ChatSession, type ChatSessionDeps } from './chat/session.js';
export { loadConfig, type CliConfig } from './config.js';
export { exitCodes } from './errors.js';
export type { Io, Output } from './io.js';
