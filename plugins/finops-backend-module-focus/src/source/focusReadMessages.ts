import { DayWindow } from '@tollgate/plugin-finops-common';
import { FocusAttributionKeys } from './FocusAttribution';
import { FocusExportTally } from './FocusExportMapper';
import { FocusRecordBatch } from './FocusRecordBatch';

/** What the thread reading FOCUS exports is started with, for one fetch. */
export interface FocusReadOptions {
  window: DayWindow;
  keys: FocusAttributionKeys;
  /** The catalog's entity refs, when an entity tag key is configured. */
  refs: string[];
  currency?: string;
  /** Whether an invalid row fails its export. */
  reject: boolean;
}

/** Asks of the reading thread, answered in order. */
export type FocusReadRequest =
  /** A fetch starts; answered by `ready` when asked to. */
  | { type: 'begin'; options: FocusReadOptions; answer: boolean }
  /** A new export starts; not answered. */
  | { type: 'open'; name: string }
  /** The next bytes of the export; answered by `records`. */
  | { type: 'chunk'; bytes: Uint8Array }
  /** The export has ended; answered by `records`, then `ended`. */
  | { type: 'end' }
  /** The fetch has ended; answered by `finished`. */
  | { type: 'finish' };

/** What the reading thread answers; `failed` ends the fetch. */
export type FocusReadReply =
  | { type: 'ready' }
  | { type: 'records'; batch: FocusRecordBatch }
  | {
      type: 'ended';
      tally: FocusExportTally;
      /** The invalid rows, described by line; empty when there are none. */
      invalidRows: string;
    }
  | { type: 'finished'; unmatched: { count: number; examples: string[] } }
  | { type: 'failed'; message: string; inputError: boolean };
