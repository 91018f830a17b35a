const MAX_LISTED = 10;

/**
 * The invalid rows of one FOCUS file: how many, and the line and reasons of the first
 * ten, for an error message or a warning.
 */
export class FocusInvalidRows {
  private total = 0;
  private readonly listed: Array<{ line: number; reasons: string[] }> = [];

  constructor(private readonly file: string) {}

  add(line: number, reasons: string[]): void {
    this.total += 1;
    if (this.listed.length < MAX_LISTED) {
      this.listed.push({ line, reasons });
    }
  }

  get count(): number {
    return this.total;
  }

  /** Such as `FOCUS file a.csv has 2 invalid rows: line 3: BilledCost is empty; line 9: …`. */
  describe(): string {
    const rows = this.total === 1 ? 'row' : 'rows';
    const first =
      this.total > this.listed.length
        ? ` (the first ${this.listed.length} listed)`
        : '';
    const details = this.listed
      .map(({ line, reasons }) => `line ${line}: ${reasons.join(', ')}`)
      .join('; ');
    return `FOCUS file ${this.file} has ${this.total} invalid ${rows}${first}: ${details}`;
  }
}
