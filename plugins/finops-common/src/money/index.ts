export * from './Decimal';
export * from './Money';
export * from './currency';
