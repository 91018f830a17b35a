export * from './readDailyBucketPage';
export * from './readDailyBuckets';
export * from './readDailyReportRecords';
