export * from './common';
export * from './auth';
export * from './units';
export * from './users';
export * from './procedures';
export * from './jobs';
export * from './couriers';
