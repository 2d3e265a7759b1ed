export { startTelegramStandin, type TelegramStandin, type StandinOptions, type StandinSend } from './standin-server.js';
export { StandinTelegramClient } from './standin-client.js';
