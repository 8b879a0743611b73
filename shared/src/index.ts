export * from './job-lifecycle';
export * from './money';
export * from './phone';
export * from './text';
export * from './time';
export * from './lunar';
export * from './holidays';
export * from './working-days';
