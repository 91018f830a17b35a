export * from './FinopsApi';
export * from './FinopsClient';
