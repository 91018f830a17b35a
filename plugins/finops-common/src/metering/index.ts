export * from './types';
export * from './genAiTags';
