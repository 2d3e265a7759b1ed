export * from './smtp-sink.js';
export type { Received } from './received.js';
