export * from './tables.js';
export { actionMigrations } from './migrations/index.js';
export * from './repository/insert-actions.js';
export * from './repository/claim-due-actions.js';
export * from './repository/cancel-actions.js';
export * from './repository/send-transitions.js';
export * from './repository/chat-controls.js';
export * from './repository/list-actions.js';
export * from './to-due-event.js';
