import { InputError } from '@backstage/errors';

/** FOCUS columns a file must have. */
const REQUIRED_COLUMNS = ['BilledCost', 'BillingCurrency', 'ChargePeriodStart'];
/**
 * Columns naming who charges, best first: FOCUS 1.3 renamed ProviderName to
 * ServiceProviderName and PublisherName gave way to HostProviderName. A file needs
 * one of them; a row takes the first that it fills.
 */
export const PROVIDER_COLUMNS = [
  'ServiceProviderName',
  'ProviderName',
  'PublisherName',
  'HostProviderName',
  'InvoiceIssuerName',
];
/** Custom columns that name a model, best first. */
const MODEL_COLUMNS = ['x_modelid', 'x_model', 'x_modelname'];

/** How exports write an empty value: `NULL`, in any case, quoted or not. */
const NULL_TEXT = /^null$/i;

function isCustom(key: string): boolean {
  return key.startsWith('x_');
}

/**
 * The header row of a FOCUS file: where each FOCUS column is. Column names are matched
 * without regard to case or surrounding spaces. Columns the reader does not know,
 * such as FOCUS 1.1 to 1.3's InvoiceId, ContractApplied, Allocated* and
 * PricingCurrency* or providers' `x_` custom columns, are allowed and left unread.
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
        if (isCustom(key) && !key.includes('model')) {
          // a custom column is not read: its first copy is as good as any
          return;
        }
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
        `FOCUS file ${file} has none of the columns ${PROVIDER_COLUMNS.join(
          ', ',
        )}; one of them is required to name the provider`,
      );
    }
    const customModel = [...positions.keys()].filter(
      key => isCustom(key) && key.includes('model'),
    );
    const modelColumn =
      MODEL_COLUMNS.find(key => positions.has(key)) ?? customModel[0];
    return new FocusHeader(names.length, positions, modelColumn);
  }

  /**
   * The trimmed value of a column in a row; empty when the file lacks the column or
   * the row holds `NULL` in it.
   */
  get(values: string[], column: string): string {
    let position = this.lookups.get(column);
    if (position === undefined) {
      position = this.positions.get(column.toLocaleLowerCase('en-US')) ?? -1;
      this.lookups.set(column, position);
    }
    const value = position < 0 ? '' : (values[position] ?? '').trim();
    return value.length === 4 && NULL_TEXT.test(value) ? '' : value;
  }

  /** The first of the columns that the row fills; empty when it fills none. */
  first(values: string[], columns: readonly string[]): string {
    for (const column of columns) {
      const value = this.get(values, column);
      if (value) {
        return value;
      }
    }
    return '';
  }
}
