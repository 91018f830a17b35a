import { CostRecord, DayWindow } from '@tollgate/plugin-finops-common';
import { CostSourceFetchContext } from '../CostSource';
import { VendorRequestErrorDetails } from '../http/VendorRequestError';
import { describeMoney } from '../source/describeMoney';
import { DailyBucket } from './readDailyBucketPage';

/**
 * A result field of a vendor report that is wrong, thrown while turning a result
 * into records; {@link readDailyReportRecords} names the report, day and result.
 *
 * @public
 */
export class MalformedResultError extends Error {}

/**
 * One report of daily buckets that a source reads, and how its results become
 * records (throwing {@link MalformedResultError} for a result that is wrong).
 *
 * @public
 */
export interface DailyReport {
  /** Names the report in messages and logs. */
  name: string;
  toRecords(day: string, result: Record<string, unknown>): CostRecord[];
}

/**
 * What {@link readDailyReportRecords} reads.
 *
 * @public
 */
export interface DailyReportRecordsRequest<R extends DailyReport> {
  /** Names the vendor in messages: `OpenAI`. */
  vendor: string;
  /** The source's id, in logs. */
  sourceId: string;
  /** The reports read for the window, in order. */
  reports: readonly R[];
  window: DayWindow;
  context: CostSourceFetchContext;
  /** Every bucket of a report for the window. */
  readBuckets(
    report: R,
    window: DayWindow,
    signal: AbortSignal,
  ): Promise<DailyBucket[]>;
  /** The URL of a report's first page for the window, in messages. */
  pageUrl(report: R, window: DayWindow): URL;
  /** The vendor's request error, for a malformed result. */
  createError(message: string, details: VendorRequestErrorDetails): Error;
}

/**
 * The records of every report of a window, all read before any is answered, so a
 * failed request answers nothing for the window. A malformed result throws the
 * vendor's request error naming the report, day and result; each report's count
 * and money are logged at debug level.
 *
 * @public
 */
export async function readDailyReportRecords<R extends DailyReport>(
  request: DailyReportRecordsRequest<R>,
): Promise<CostRecord[]> {
  const { vendor, sourceId, window, context } = request;
  const records: CostRecord[] = [];
  for (const report of request.reports) {
    const buckets = await request.readBuckets(report, window, context.signal);
    const before = records.length;
    for (const { day, results } of buckets) {
      for (const [index, result] of results.entries()) {
        try {
          records.push(...report.toRecords(day, result));
        } catch (error) {
          if (!(error instanceof MalformedResultError)) {
            throw error;
          }
          const url = request.pageUrl(report, window).toString();
          throw request.createError(
            `${vendor} ${report.name} report for ${day} has a malformed result ${index}: ${error.message}`,
            { url, status: 200 },
          );
        }
      }
    }
    context.logger.debug(
      `${sourceId}: ${window.from}..${window.to}: ${
        records.length - before
      } records from the ${report.name} report (${describeMoney(
        records.slice(before),
      )})`,
    );
  }
  return records;
}
