export type { DailyBucket, DailyBucketStart } from './readDailyBucketPage';
export * from './readDailyBuckets';
export * from './readDailyReportRecords';
