export * from './errors.js';
export * from './classify-update.js';
export * from './send-pacer.js';
export * from './session-lease.js';
export * from './catch-up.js';
export * from './update-state-store.js';
