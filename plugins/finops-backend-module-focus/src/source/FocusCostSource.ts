import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  CostRecord,
  CURRENCY_PATTERN,
  DayWindow,
} from '@tollgate/plugin-finops-common';
import {
  CostSource,
  CostSourceFetchContext,
  CostSourceItem,
  CostSourceSchedule,
  readCostSourceSchedule,
} from '@tollgate/plugin-finops-node';
import { FocusAttribution } from './FocusAttribution';
import { FocusCsvReader } from './FocusCsvReader';
import { FocusFileInput } from './FocusFileInput';
import { FocusFilePattern } from './FocusFilePattern';
import { FocusHeader } from './FocusHeader';
import { FocusInput } from './FocusInput';
import { FocusInvalidRows } from './FocusInvalidRows';
import { FocusCharge, FocusRowMapper } from './FocusRowMapper';
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
    context.signal.throwIfAborted();
    const inputs = await this.inputs();
    const attribution = await FocusAttribution.create(this.options, () =>
      context.entities(),
    );
    const tally: FetchTally = {
      rows: 0,
      records: 0,
      outsideWindow: 0,
      otherCurrency: 0,
      skipped: 0,
    };
    for (const input of inputs) {
      yield* this.read(input, window, attribution, tally, context);
    }
    const unmatched = attribution.unmatched;
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
    input: FocusInput,
    window: DayWindow,
    attribution: FocusAttribution,
    tally: FetchTally,
    context: CostSourceFetchContext,
  ): AsyncGenerator<CostSourceItem> {
    const reject = (this.options.invalidRows ?? 'reject') === 'reject';
    const invalid = new FocusInvalidRows(input.name);
    let mapper: FocusRowMapper | undefined;
    const rows = new FocusCsvReader(input.name).read(
      await input.open(context.signal),
      names => {
        mapper = new FocusRowMapper({
          header: FocusHeader.parse(input.name, names),
          window,
          attribution,
          currency: this.options.currency,
        });
      },
    );
    for await (const batch of rows) {
      for (const row of batch) {
        tally.rows += 1;
        const result = mapper!.map(row);
        if (result.type === 'invalid') {
          invalid.add(row.line, result.reasons);
        } else if (result.type === 'outside-window') {
          tally.outsideWindow += 1;
        } else if (result.type === 'other-currency') {
          tally.otherCurrency += 1;
        } else if (!reject || invalid.count === 0) {
          for (const charge of result.records) {
            tally.records += 1;
            yield { type: 'cost', record: withEffectiveCost(charge) };
          }
        }
      }
    }
    if (invalid.count > 0) {
      if (reject) {
        throw new InputError(invalid.describe());
      }
      tally.skipped += invalid.count;
      context.logger.warn(
        `${this.id}: skipped invalid rows. ${invalid.describe()}`,
      );
    }
  }
}

/**
 * A charge's record with its EffectiveCost part, which is left absent where it equals
 * the BilledCost part (as a record without one means).
 */
function withEffectiveCost({
  record,
  effectiveCostMicros,
}: FocusCharge): CostRecord {
  return effectiveCostMicros === undefined ||
    effectiveCostMicros === record.billedCostMicros
    ? record
    : { ...record, effectiveCostMicros };
}
