export * from './mailer.js';
export * from './smtp-url.js';
export { isMailAddress } from './addresses.js';
