import { CostRecord, DayWindow } from '@tollgate/plugin-finops-common';
import { FocusAttribution } from './FocusAttribution';
import { FocusCsvParser } from './FocusCsvParser';
import { FocusHeader } from './FocusHeader';
import { FocusInvalidRows } from './FocusInvalidRows';
import { FocusCharge, FocusRowMapper } from './FocusRowMapper';

/** Counts of one export's rows. */
export interface FocusExportTally {
  rows: number;
  records: number;
  outsideWindow: number;
  otherCurrency: number;
  invalid: number;
}

/** How the rows of one export are read. */
export interface FocusExportMapperOptions {
  /** How errors name the export. */
  name: string;
  window: DayWindow;
  attribution: FocusAttribution;
  /** When set, rows billed in another currency are left out. */
  currency?: string;
  /** Whether an invalid row fails the export: no record is answered after one. */
  reject: boolean;
}

/**
 * The cost records of one FOCUS export as its bytes arrive: each chunk answers the
 * records of the rows it completes whose charge period starts inside the window.
 * Invalid rows are counted and the first ones listed by line; when they reject the
 * export, no record is answered after the first.
 */
export class FocusExportMapper {
  readonly tally: FocusExportTally = {
    rows: 0,
    records: 0,
    outsideWindow: 0,
    otherCurrency: 0,
    invalid: 0,
  };
  readonly invalid: FocusInvalidRows;
  private readonly csv: FocusCsvParser;
  private mapper: FocusRowMapper | undefined;

  constructor(private readonly options: FocusExportMapperOptions) {
    this.invalid = new FocusInvalidRows(options.name);
    this.csv = new FocusCsvParser(options.name, names => {
      this.mapper = new FocusRowMapper({
        header: FocusHeader.parse(options.name, names),
        window: options.window,
        attribution: options.attribution,
        currency: options.currency,
      });
    });
  }

  /** The records of the rows the chunk completes. */
  push(chunk: Uint8Array | string): CostRecord[] {
    return this.records(this.csv.push(chunk));
  }

  /** The records of the rows left at the end of the export. */
  end(): CostRecord[] {
    return this.records(this.csv.end());
  }

  private records(rows: ReturnType<FocusCsvParser['push']>): CostRecord[] {
    const records: CostRecord[] = [];
    const { tally, invalid } = this;
    for (const row of rows) {
      tally.rows += 1;
      const result = this.mapper!.map(row);
      if (result.type === 'invalid') {
        invalid.add(row.line, result.reasons);
        tally.invalid += 1;
      } else if (result.type === 'outside-window') {
        tally.outsideWindow += 1;
      } else if (result.type === 'other-currency') {
        tally.otherCurrency += 1;
      } else if (!this.options.reject || invalid.count === 0) {
        for (const charge of result.records) {
          tally.records += 1;
          records.push(withEffectiveCost(charge));
        }
      }
    }
    return records;
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
