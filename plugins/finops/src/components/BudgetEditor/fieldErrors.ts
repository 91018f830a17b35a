/** The fields of the budget editor. */
export type BudgetField =
  | 'amount'
  | 'currency'
  | 'period'
  | 'thresholds'
  | 'enforcement';

const FIELDS: readonly string[] = [
  'amount',
  'currency',
  'period',
  'thresholds',
  'enforcement',
];

/**
 * Sorts the errors of readBudgetInput by the field each one names (they start with
 * the field's name); anything else is kept apart.
 */
export function fieldErrors(errors: string[]): {
  fields: Partial<Record<BudgetField, string>>;
  other: string[];
} {
  const fields: Partial<Record<BudgetField, string>> = {};
  const other: string[] = [];
  for (const error of errors) {
    const name = /^[A-Za-z]+/.exec(error)?.[0] ?? '';
    if (FIELDS.includes(name)) {
      const field = name as BudgetField;
      fields[field] = fields[field] ? `${fields[field]}; ${error}` : error;
    } else {
      other.push(error);
    }
  }
  return { fields, other };
}
