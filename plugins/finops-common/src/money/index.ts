export * from './Decimal';
export * from './Money';
