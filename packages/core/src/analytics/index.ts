// Relationship analytics maths (SPEC §7): pure functions over plain numbers and dates, no I/O.
export * from './satisfaction.js';
export * from './rfm.js';
export * from './whale.js';
export * from './cohorts.js';
export * from './loyalty.js';
export * from './profitability.js';
export * from './strength.js';
export * from './customer-type.js';
export * from './bgnbd.js';
