export * from './job-lifecycle';
