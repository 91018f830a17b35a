export * from './extensions';
export * from './readApiBilling';
