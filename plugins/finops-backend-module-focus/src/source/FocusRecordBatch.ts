import { CostRecord } from '@tollgate/plugin-finops-common';

/**
 * Cost records as one thread hands them to another: each text an id into a table of
 * the texts met so far (a FOCUS export repeats a few days, refs, models and
 * dimensions over millions of rows), each amount a 64-bit integer, so that a batch is
 * a few typed arrays to move rather than thousands of objects to copy.
 */
export interface FocusRecordBatch {
  count: number;
  /** Whether the tables of texts and tags start afresh with this batch. */
  reset: boolean;
  /** Texts first met in this batch, numbered on from the table's last. */
  texts: string[];
  /** Tags objects first met in this batch, numbered on from the table's last. */
  tags: Array<Record<string, string>>;
  /** TEXT_FIELDS of each record, then the id of its tags; ABSENT where it has none. */
  textIds: Int32Array;
  /** AMOUNT_FIELDS of each record; ABSENT_AMOUNT where it has none. */
  amounts: BigInt64Array;
  /** Amounts that need more than 64 bits, by their index in `amounts`, as decimal text. */
  wide: Array<[number, string]>;
}

const TEXT_FIELDS = [
  'day',
  'entityRef',
  'costCenter',
  'team',
  'provider',
  'service',
  'model',
  'dimensionKind',
  'dimension',
  'unit',
  'currency',
] as const;
const TEXT_WIDTH = TEXT_FIELDS.length + 1;
const AMOUNT_FIELDS = [
  'billedCostMicros',
  'listCostMicros',
  'effectiveCostMicros',
  'quantity',
] as const;
const AMOUNT_WIDTH = AMOUNT_FIELDS.length;

const ABSENT = -1;
const ABSENT_AMOUNT = -(2n ** 63n);
const MAX_AMOUNT = 2n ** 63n - 1n;

/** Texts and tags held per table before the next batch starts it afresh: bounds memory on unique values. */
const MAX_TABLE_SIZE = 100_000;

/** Records a batch starts with room for; it grows by doubling. */
const INITIAL_CAPACITY = 1024;

/**
 * Writes records as batches, added a few at a time and taken as one; one encoder per
 * receiving decoder.
 */
export class FocusRecordEncoder {
  private texts = new Map<string, number>();
  private tags = new Map<Record<string, string>, number>();
  private reset = false;
  private newTexts: string[] = [];
  private newTags: Array<Record<string, string>> = [];
  private textIds = new Int32Array(INITIAL_CAPACITY * TEXT_WIDTH);
  private amounts = new BigInt64Array(INITIAL_CAPACITY * AMOUNT_WIDTH);
  private wide: Array<[number, string]> = [];
  private count = 0;

  add(records: CostRecord[]): void {
    if (
      this.count === 0 &&
      (this.texts.size > MAX_TABLE_SIZE || this.tags.size > MAX_TABLE_SIZE)
    ) {
      // Only where a batch starts: the ids of the records in a batch are of one table.
      this.texts = new Map();
      this.tags = new Map();
      this.reset = true;
    }
    this.reserve(this.count + records.length);
    const { textIds, amounts } = this;
    let t = this.count * TEXT_WIDTH;
    let a = this.count * AMOUNT_WIDTH;
    for (const record of records) {
      for (const field of TEXT_FIELDS) {
        const text = record[field];
        textIds[t++] = text === undefined ? ABSENT : this.textId(text);
      }
      const tags = record.tags;
      textIds[t++] = tags === undefined ? ABSENT : this.tagsId(tags);
      for (const field of AMOUNT_FIELDS) {
        const amount = record[field];
        if (amount === undefined) {
          amounts[a] = ABSENT_AMOUNT;
        } else if (amount > ABSENT_AMOUNT && amount <= MAX_AMOUNT) {
          amounts[a] = amount;
        } else {
          amounts[a] = ABSENT_AMOUNT;
          this.wide.push([a, amount.toString()]);
        }
        a += 1;
      }
    }
    this.count += records.length;
  }

  /** The batch of the records added since the last, and the buffers to transfer with it. */
  take(): { batch: FocusRecordBatch; transfer: ArrayBuffer[] } {
    const textIds = this.textIds.slice(0, this.count * TEXT_WIDTH);
    const amounts = this.amounts.slice(0, this.count * AMOUNT_WIDTH);
    const batch: FocusRecordBatch = {
      count: this.count,
      reset: this.reset,
      texts: this.newTexts,
      tags: this.newTags,
      textIds,
      amounts,
      wide: this.wide,
    };
    this.reset = false;
    this.newTexts = [];
    this.newTags = [];
    this.wide = [];
    this.count = 0;
    return { batch, transfer: [textIds.buffer, amounts.buffer] };
  }

  private textId(text: string): number {
    let id = this.texts.get(text);
    if (id === undefined) {
      id = this.texts.size;
      this.texts.set(text, id);
      this.newTexts.push(text);
    }
    return id;
  }

  private tagsId(tags: Record<string, string>): number {
    let id = this.tags.get(tags);
    if (id === undefined) {
      id = this.tags.size;
      this.tags.set(tags, id);
      this.newTags.push(tags);
    }
    return id;
  }

  private reserve(records: number) {
    if (records * TEXT_WIDTH <= this.textIds.length) {
      return;
    }
    let capacity = this.textIds.length / TEXT_WIDTH;
    while (capacity < records) {
      capacity *= 2;
    }
    const textIds = new Int32Array(capacity * TEXT_WIDTH);
    textIds.set(this.textIds);
    this.textIds = textIds;
    const amounts = new BigInt64Array(capacity * AMOUNT_WIDTH);
    amounts.set(this.amounts);
    this.amounts = amounts;
  }
}

/** Reads the batches of one encoder, in the order it wrote them. */
export class FocusRecordDecoder {
  private texts: string[] = [];
  private tags: Array<Record<string, string>> = [];

  decode(batch: FocusRecordBatch): CostRecord[] {
    if (batch.reset) {
      this.texts = [];
      this.tags = [];
    }
    for (const text of batch.texts) {
      this.texts.push(text);
    }
    for (const tags of batch.tags) {
      this.tags.push(tags);
    }
    const wide = new Map(batch.wide.map(([index, text]) => [index, text]));
    const { textIds, amounts } = batch;
    const { texts, tags } = this;
    /** An amount that needed more than 64 bits, or none. */
    const wideAmount = (index: number) => {
      const big = wide.size > 0 ? wide.get(index) : undefined;
      return big === undefined ? undefined : BigInt(big);
    };
    // Fields are read and set one by one, with no function per field: this runs for
    // every record the main thread writes.
    const records: CostRecord[] = new Array(batch.count);
    for (let i = 0; i < batch.count; i++) {
      const t = i * TEXT_WIDTH;
      const a = i * AMOUNT_WIDTH;
      const billed = amounts[a];
      const record: CostRecord = {
        day: texts[textIds[t]],
        provider: texts[textIds[t + 4]],
        service: texts[textIds[t + 5]],
        dimensionKind: texts[textIds[t + 7]] as CostRecord['dimensionKind'],
        dimension: texts[textIds[t + 8]],
        billedCostMicros: billed === ABSENT_AMOUNT ? wideAmount(a)! : billed,
        currency: texts[textIds[t + 10]],
      };
      let id = textIds[t + 1];
      if (id !== ABSENT) record.entityRef = texts[id];
      id = textIds[t + 2];
      if (id !== ABSENT) record.costCenter = texts[id];
      id = textIds[t + 3];
      if (id !== ABSENT) record.team = texts[id];
      id = textIds[t + 6];
      if (id !== ABSENT) record.model = texts[id];
      id = textIds[t + 9];
      if (id !== ABSENT) record.unit = texts[id];
      let amount = amounts[a + 1];
      const list = amount === ABSENT_AMOUNT ? wideAmount(a + 1) : amount;
      if (list !== undefined) record.listCostMicros = list;
      amount = amounts[a + 2];
      const effective = amount === ABSENT_AMOUNT ? wideAmount(a + 2) : amount;
      if (effective !== undefined) record.effectiveCostMicros = effective;
      amount = amounts[a + 3];
      const quantity = amount === ABSENT_AMOUNT ? wideAmount(a + 3) : amount;
      if (quantity !== undefined) record.quantity = quantity;
      id = textIds[t + TEXT_FIELDS.length];
      if (id !== ABSENT) record.tags = tags[id];
      records[i] = record;
    }
    return records;
  }
}
