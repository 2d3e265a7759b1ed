export * from './errors.js';
export * from './classify-update.js';
