export * from './actions.js';
export * from './roles.js';
export * from './access.js';
