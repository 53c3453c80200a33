// @rapport/server: the application, its services, the database and configuration.
export { buildApp, type AppOptions } from './app.js';
export { createServices, type Services } from './services.js';
export { loadConfig, ConfigError, redact, type Config } from './config.js';
export { openDatabase, type Database } from './db/database.js';
export { generateDemo, peopleForSize, type DemoSize, type DemoOptions, type DemoSummary } from './modules/demo/index.js';
export { scheduleNightlyRecompute } from './modules/analytics/schedule.js';
export type { RequestContext } from './engine/context.js';
