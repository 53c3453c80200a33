// @rapport/core: definitions, field types, the filter language and the maths shared by every
// package. Pure TypeScript: no I/O.
export * from './fields/index.js';
export * from './objects/index.js';
export * from './schema/record-schema.js';
export * from './filter/index.js';
export * from './access/index.js';
export * from './analytics/index.js';
