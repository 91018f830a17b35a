import { InputError } from '@backstage/errors';

/** FOCUS columns a file must have. */
const REQUIRED_COLUMNS = ['BilledCost', 'BillingCurrency', 'ChargePeriodStart'];
/** FOCUS 1.3 renamed ProviderName to ServiceProviderName; a file needs one of them. */
const PROVIDER_COLUMNS = ['ServiceProviderName', 'ProviderName'];
/** Custom columns that name a model, best first. */
const MODEL_COLUMNS = ['x_modelid', 'x_model', 'x_modelname'];

/**
 * The header row of a FOCUS file: where each FOCUS column is. Column names are matched
 * without regard to case or surrounding spaces.
 */
export class FocusHeader {
  /** Positions by the exact spelling callers ask for; -1 when absent. */
  private readonly lookups = new Map<string, number>();

  private constructor(
    /** How many fields a row has. */
    readonly width: number,
    private readonly positions: Map<string, number>,
    /** The custom (x_) column naming the model, if the file has one. */
    readonly modelColumn: string | undefined,
  ) {}

  /**
   * Reads a header row. Throws InputError naming the file and the column when a
   * required column is missing or a column appears twice.
   */
  static parse(file: string, names: string[]): FocusHeader {
    const positions = new Map<string, number>();
    names.forEach((name, position) => {
      const key = name.trim().toLocaleLowerCase('en-US');
      if (!key) {
        return;
      }
      if (positions.has(key)) {
        throw new InputError(
          `FOCUS file ${file} has the column ${name.trim()} more than once`,
        );
      }
      positions.set(key, position);
    });
    for (const column of REQUIRED_COLUMNS) {
      if (!positions.has(column.toLocaleLowerCase('en-US'))) {
        throw new InputError(
          `FOCUS file ${file} has no ${column} column, which is required`,
        );
      }
    }
    if (
      !PROVIDER_COLUMNS.some(c => positions.has(c.toLocaleLowerCase('en-US')))
    ) {
      throw new InputError(
        `FOCUS file ${file} has neither a ServiceProviderName nor a ProviderName column; one is required`,
      );
    }
    const customModel = [...positions.keys()].filter(
      key => key.startsWith('x_') && key.includes('model'),
    );
    const modelColumn =
      MODEL_COLUMNS.find(key => positions.has(key)) ?? customModel[0];
    return new FocusHeader(names.length, positions, modelColumn);
  }

  /** The trimmed value of a column in a row; empty when the file lacks the column. */
  get(values: string[], column: string): string {
    let position = this.lookups.get(column);
    if (position === undefined) {
      position = this.positions.get(column.toLocaleLowerCase('en-US')) ?? -1;
      this.lookups.set(column, position);
    }
    return position < 0 ? '' : (values[position] ?? '').trim();
  }
}
