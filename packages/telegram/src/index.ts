export * from './errors.js';
export * from './classify-update.js';
export * from './send-pacer.js';
export * from './session-lease.js';
export * from './catch-up.js';
export * from './update-state-store.js';
export * from './client.js';
export { startTelegramAccount, type TelegramAccount, type TelegramAccountOptions } from './account/account.js';
export type { ClientMessage, OperatorMessage } from './account/holder.js';
