import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CURRENCY_PATTERN, DayWindow } from '@tollgate/plugin-finops-common';
import {
  CostSource,
  CostSourceFetchContext,
  CostSourceItem,
  CostSourceSchedule,
  readCostSourceSchedule,
} from '@tollgate/plugin-finops-node';
import { FocusFileInput } from './FocusFileInput';
import { FocusFilePattern } from './FocusFilePattern';
import { FocusInput } from './FocusInput';
import { FocusExportSummary, FocusReadThread } from './FocusReadThread';
import { FocusUrlInput } from './FocusUrlInput';

/**
 * What an invalid row does: `reject` fails the fetch, `skip` leaves the row out and
 * logs a warning.
 *
 * @public
 */
export type FocusInvalidRowsMode = 'reject' | 'skip';

/** @public */
export interface FocusCostSourceOptions {
  /** The configured id; the source id is `focus:<id>`. */
  id: string;
  /** Files to read; the last path segment may hold `*` and `?`. */
  paths?: string[];
  /** HTTP(S) URLs that answer a FOCUS CSV export. */
  urls?: string[];
  /**
   * Reads the URLs (Backstage's `coreServices.urlReader`), with the credentials of
   * the configured integrations; required when there are URLs.
   */
  urlReader?: UrlReaderService;
  /** The directory relative paths start from; defaults to the working directory. */
  baseDir?: string;
  /** Tags key whose value is an entity ref. */
  entityTagKey?: string;
  /** Tags key whose value is a cost center. */
  costCenterTagKey?: string;
  /** Tags key whose value is a team. */
  teamTagKey?: string;
  /** Defaults to `reject`. */
  invalidRows?: FocusInvalidRowsMode;
  /** When set, only rows billed in this currency are read. */
  currency?: string;
  /**
   * Whether an export without rows for days that have stored spend replaces that
   * spend with nothing; by default the run fails and the spend is kept.
   */
  allowEmptyWindows?: boolean;
  schedule?: CostSourceSchedule;
}

const INVALID_ROWS_MODES: readonly FocusInvalidRowsMode[] = ['reject', 'skip'];

/** Counts of one fetch, for its log line. */
interface FetchTally {
  rows: number;
  records: number;
  outsideWindow: number;
  otherCurrency: number;
  skipped: number;
}

/**
 * A cost source reading FOCUS (FinOps Open Cost and Usage Specification) CSV exports
 * from files and URLs. Rows stream from each export as they are read; only those
 * whose charge period starts inside the window are yielded.
 *
 * @public
 */
export class FocusCostSource implements CostSource {
  readonly id: string;
  readonly type = 'focus';
  readonly authority = 'invoice';
  readonly schedule?: CostSourceSchedule;
  readonly allowEmptyWindows: boolean;

  private constructor(
    private readonly options: FocusCostSourceOptions,
    private readonly patterns: FocusFilePattern[],
    private readonly urls: FocusUrlInput[],
  ) {
    this.id = `focus:${options.id}`;
    this.schedule = options.schedule;
    this.allowEmptyWindows = options.allowEmptyWindows ?? false;
  }

  /** Checks the options; throws InputError naming what is wrong. */
  static create(options: FocusCostSourceOptions): FocusCostSource {
    const where = `FOCUS source "${options.id}"`;
    if (!options.id?.trim()) {
      throw new InputError('FOCUS source id must not be empty');
    }
    const patterns = (options.paths ?? []).map(p => FocusFilePattern.parse(p));
    const urlReader = options.urlReader;
    const urls = options.urls ?? [];
    if (patterns.length + urls.length === 0) {
      throw new InputError(`${where} needs at least one of paths or urls`);
    }
    if (urls.length > 0 && !urlReader) {
      throw new InputError(`${where} has urls but no urlReader to read them`);
    }
    const urlInputs = urlReader
      ? urls.map(u => FocusUrlInput.parse(u, urlReader))
      : [];
    if (
      options.invalidRows !== undefined &&
      !INVALID_ROWS_MODES.includes(options.invalidRows)
    ) {
      throw new InputError(
        `${where} has invalidRows "${options.invalidRows}"; expected reject or skip`,
      );
    }
    if (
      options.currency !== undefined &&
      !CURRENCY_PATTERN.test(options.currency)
    ) {
      throw new InputError(
        `${where} has currency "${options.currency}"; expected an ISO 4217 code such as USD`,
      );
    }
    return new FocusCostSource(options, patterns, urlInputs);
  }

  /** Reads one entry of `tollgate.sources.focus`. */
  static fromConfig(
    config: Config,
    options?: { baseDir?: string; urlReader?: UrlReaderService },
  ): FocusCostSource {
    return FocusCostSource.create({
      id: config.getString('id'),
      paths: config.getOptionalStringArray('paths'),
      urls: config.getOptionalStringArray('urls'),
      baseDir: options?.baseDir,
      urlReader: options?.urlReader,
      entityTagKey: config.getOptionalString('entityTagKey'),
      costCenterTagKey: config.getOptionalString('costCenterTagKey'),
      teamTagKey: config.getOptionalString('teamTagKey'),
      invalidRows: config.getOptionalString('invalidRows') as
        | FocusInvalidRowsMode
        | undefined,
      currency: config.getOptionalString('currency'),
      allowEmptyWindows: config.getOptionalBoolean('allowEmptyWindows'),
      schedule: readCostSourceSchedule(config),
    });
  }

  async *fetch(
    window: DayWindow,
    context: CostSourceFetchContext,
  ): AsyncGenerator<CostSourceItem> {
    for await (const items of this.fetchBatches(window, context)) {
      yield* items;
    }
  }

  /**
   * The records of the exports in batches, as a worker thread reads them (see
   * FocusReadThread): parsing runs beside the storing of the records.
   */
  async *fetchBatches(
    window: DayWindow,
    context: CostSourceFetchContext,
  ): AsyncGenerator<CostSourceItem[]> {
    context.signal.throwIfAborted();
    const inputs = await this.inputs();
    const { entityTagKey, costCenterTagKey, teamTagKey } = this.options;
    const refs = entityTagKey
      ? (await context.entities()).map(e => stringifyEntityRef(e))
      : [];
    const thread = await FocusReadThread.start({
      window,
      keys: { entityTagKey, costCenterTagKey, teamTagKey },
      refs,
      currency: this.options.currency,
      reject: (this.options.invalidRows ?? 'reject') === 'reject',
    });
    try {
      const tally: FetchTally = {
        rows: 0,
        records: 0,
        outsideWindow: 0,
        otherCurrency: 0,
        skipped: 0,
      };
      for (const input of inputs) {
        yield* this.read(thread, input, tally, context);
      }
      const unmatched = await thread.finish();
      if (unmatched.count > 0) {
        context.logger.warn(
          `${this.id}: ${unmatched.count} rows name an entity in tag ${
            this.options.entityTagKey
          } that is invalid or not in the catalog (${unmatched.examples
            .map(e => JSON.stringify(e))
            .join(', ')}); they are kept as unallocated`,
        );
      }
      context.logger.info(
        `${this.id}: read ${tally.rows} rows of ${inputs.length} exports for ${
          window.from
        }..${window.to} and yielded ${tally.records} records (${[
          `${tally.outsideWindow} outside the window`,
          `${tally.otherCurrency} in another currency`,
          `${tally.skipped} invalid rows skipped`,
        ].join(', ')})`,
      );
    } finally {
      await thread.close();
    }
  }

  private async inputs(): Promise<FocusInput[]> {
    const baseDir = this.options.baseDir ?? process.cwd();
    const inputs: FocusInput[] = [];
    for (const pattern of this.patterns) {
      for (const file of await pattern.resolve(baseDir)) {
        inputs.push(new FocusFileInput(file, baseDir));
      }
    }
    return [...inputs, ...this.urls];
  }

  private async *read(
    thread: FocusReadThread,
    input: FocusInput,
    tally: FetchTally,
    context: CostSourceFetchContext,
  ): AsyncGenerator<CostSourceItem[]> {
    const reading = thread.read(input, context.signal);
    let summary: FocusExportSummary;
    for (;;) {
      const next = await reading.next();
      if (next.done) {
        summary = next.value;
        break;
      }
      if (next.value.length > 0) {
        yield next.value.map(record => ({ type: 'cost', record }));
      }
    }
    tally.rows += summary.tally.rows;
    tally.records += summary.tally.records;
    tally.outsideWindow += summary.tally.outsideWindow;
    tally.otherCurrency += summary.tally.otherCurrency;
    if (summary.invalidRows) {
      if ((this.options.invalidRows ?? 'reject') === 'reject') {
        throw new InputError(summary.invalidRows);
      }
      tally.skipped += summary.tally.invalid;
      context.logger.warn(
        `${this.id}: skipped invalid rows. ${summary.invalidRows}`,
      );
    }
  }
}
