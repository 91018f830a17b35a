import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CostRecord, DayWindow } from '@tollgate/plugin-finops-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FocusCostSource, FocusCostSourceOptions } from '../FocusCostSource';

/** Every day the tests may name. */
export const ALL_DAYS: DayWindow = { from: '2000-01-01', to: '2099-12-31' };

/** What a fetch logged, by level. */
export interface LoggedMessages {
  info: string[];
  warn: string[];
}

function recordingLogger(messages: LoggedMessages): LoggerService {
  const logger: LoggerService = {
    error: () => {},
    debug: () => {},
    info: message => messages.info.push(message),
    warn: message => messages.warn.push(message),
    child: () => logger,
  };
  return logger;
}

/** A CSV field as exports write it: quoted when it holds a comma, quote or line end. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** CSV text of a header and rows given by column; missing columns are empty. */
export function focusCsv(
  columns: string[],
  rows: Array<Record<string, string>>,
): string {
  return [
    columns.map(field).join(','),
    ...rows.map(row => columns.map(c => field(row[c] ?? '')).join(',')),
  ].join('\r\n');
}

/**
 * Fetches a window from a FOCUS source reading one export with the given text (or a
 * file), as the backend would; answers the records and the log.
 */
export async function readFocusExport(
  input: string | { file: string },
  options: Partial<FocusCostSourceOptions> & { entities?: Entity[] } = {},
  window: DayWindow = ALL_DAYS,
): Promise<{ records: CostRecord[]; logged: LoggedMessages }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'focus-export-'));
  const file =
    typeof input === 'string' ? path.join(dir, 'export.csv') : input.file;
  if (typeof input === 'string') {
    fs.writeFileSync(file, input);
  }
  const { entities = [], ...sourceOptions } = options;
  const logged: LoggedMessages = { info: [], warn: [] };
  try {
    const source = FocusCostSource.create({
      id: 'export',
      paths: [file],
      ...sourceOptions,
    });
    const records: CostRecord[] = [];
    for await (const item of source.fetch(window, {
      signal: new AbortController().signal,
      logger: recordingLogger(logged),
      entities: async () => entities,
      priceBook: {
        priceTokens: () => undefined,
        priceRequests: () => undefined,
        priceOperation: () => undefined,
      },
    })) {
      if (item.type === 'cost') {
        records.push(item.record);
      }
    }
    return { records, logged };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Decimal text to micro-units, written for these tests apart from the source's own
 * parsing: at most six fraction digits, an optional minus sign.
 */
export function micros(text: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,6}))?$/.exec(text);
  if (!match) {
    throw new Error(`not an amount this test can add: ${text}`);
  }
  const value =
    BigInt(match[2]) * 1_000_000n + BigInt((match[3] ?? '').padEnd(6, '0'));
  return match[1] ? -value : value;
}

/** The sum of amounts written as text. */
export function sumOf(amounts: string[]): bigint {
  return amounts.reduce((total, amount) => total + micros(amount), 0n);
}

/** Billed cost per day of records. */
export function billedByDay(records: CostRecord[]): Record<string, bigint> {
  const totals: Record<string, bigint> = {};
  for (const record of records) {
    totals[record.day] = (totals[record.day] ?? 0n) + record.billedCostMicros;
  }
  return totals;
}

/** Billed cost of records in all. */
export function billedTotal(records: CostRecord[]): bigint {
  return records.reduce((total, r) => total + r.billedCostMicros, 0n);
}
