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

/** Texts and tags held per table before it starts afresh: bounds memory on unique values. */
const MAX_TABLE_SIZE = 100_000;

/** Writes records as batches; one encoder per receiving decoder. */
export class FocusRecordEncoder {
  private texts = new Map<string, number>();
  private tags = new Map<Record<string, string>, number>();

  /** The batch, and the buffers to transfer with it. */
  encode(records: CostRecord[]): {
    batch: FocusRecordBatch;
    transfer: ArrayBuffer[];
  } {
    const reset =
      this.texts.size > MAX_TABLE_SIZE || this.tags.size > MAX_TABLE_SIZE;
    if (reset) {
      this.texts = new Map();
      this.tags = new Map();
    }
    const newTexts: string[] = [];
    const newTags: Array<Record<string, string>> = [];
    const textIds = new Int32Array(records.length * TEXT_WIDTH);
    const amounts = new BigInt64Array(records.length * AMOUNT_WIDTH);
    const wide: Array<[number, string]> = [];
    let t = 0;
    let a = 0;
    for (const record of records) {
      for (const field of TEXT_FIELDS) {
        const text = record[field];
        if (text === undefined) {
          textIds[t++] = ABSENT;
          continue;
        }
        let id = this.texts.get(text);
        if (id === undefined) {
          id = this.texts.size;
          this.texts.set(text, id);
          newTexts.push(text);
        }
        textIds[t++] = id;
      }
      const tags = record.tags;
      if (tags === undefined) {
        textIds[t++] = ABSENT;
      } else {
        let id = this.tags.get(tags);
        if (id === undefined) {
          id = this.tags.size;
          this.tags.set(tags, id);
          newTags.push(tags);
        }
        textIds[t++] = id;
      }
      for (const field of AMOUNT_FIELDS) {
        const amount = record[field];
        if (amount === undefined) {
          amounts[a] = ABSENT_AMOUNT;
        } else if (amount > ABSENT_AMOUNT && amount <= MAX_AMOUNT) {
          amounts[a] = amount;
        } else {
          amounts[a] = ABSENT_AMOUNT;
          wide.push([a, amount.toString()]);
        }
        a += 1;
      }
    }
    return {
      batch: {
        count: records.length,
        reset,
        texts: newTexts,
        tags: newTags,
        textIds,
        amounts,
        wide,
      },
      transfer: [textIds.buffer, amounts.buffer],
    };
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
    const texts = this.texts;
    const text = (index: number) => {
      const id = textIds[index];
      return id === ABSENT ? undefined : texts[id];
    };
    const amount = (index: number) => {
      const value = amounts[index];
      if (value !== ABSENT_AMOUNT) {
        return value;
      }
      const big = wide.size > 0 ? wide.get(index) : undefined;
      return big === undefined ? undefined : BigInt(big);
    };
    const records: CostRecord[] = new Array(batch.count);
    for (let i = 0; i < batch.count; i++) {
      const t = i * TEXT_WIDTH;
      const a = i * AMOUNT_WIDTH;
      const record: CostRecord = {
        day: texts[textIds[t]],
        provider: texts[textIds[t + 4]],
        service: texts[textIds[t + 5]],
        dimensionKind: texts[textIds[t + 7]] as CostRecord['dimensionKind'],
        dimension: texts[textIds[t + 8]],
        billedCostMicros: amount(a)!,
        currency: texts[textIds[t + 10]],
      };
      setIfPresent(record, 'entityRef', text(t + 1));
      setIfPresent(record, 'costCenter', text(t + 2));
      setIfPresent(record, 'team', text(t + 3));
      setIfPresent(record, 'model', text(t + 6));
      setIfPresent(record, 'unit', text(t + 9));
      setIfPresent(record, 'listCostMicros', amount(a + 1));
      setIfPresent(record, 'effectiveCostMicros', amount(a + 2));
      setIfPresent(record, 'quantity', amount(a + 3));
      const tags = textIds[t + TEXT_FIELDS.length];
      if (tags !== ABSENT) {
        record.tags = this.tags[tags];
      }
      records[i] = record;
    }
    return records;
  }
}

function setIfPresent<K extends keyof CostRecord>(
  record: CostRecord,
  key: K,
  value: CostRecord[K] | undefined,
) {
  if (value !== undefined) {
    record[key] = value;
  }
}
