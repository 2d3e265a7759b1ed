export { loadSettings, withSettings, defaultsFile } from './load.js';
export { settingsSchema, type Settings, type SettingsFile } from './schema.js';
export { envOverrides } from './env-overrides.js';
export { parseDuration } from './duration.js';
