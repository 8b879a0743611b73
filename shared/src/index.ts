export * from './job-lifecycle';
export * from './money';
export * from './phone';
export * from './text';
export * from './time';
