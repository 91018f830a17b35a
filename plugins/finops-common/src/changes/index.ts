export * from './costChanges';
