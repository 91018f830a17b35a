import { Readable } from 'node:stream';

/** One FOCUS export to read: a file or a URL. */
export interface FocusInput {
  /** How errors and logs name the input: a path, or a URL without its query. */
  readonly name: string;
  /** Opens the export as a byte stream that ends or fails with the signal. */
  open(signal: AbortSignal): Promise<Readable>;
}
