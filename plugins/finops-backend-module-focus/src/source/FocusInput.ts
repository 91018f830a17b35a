import { FocusBytes } from './FocusBytes';

/** One FOCUS export to read: a file or a URL. */
export interface FocusInput {
  /** How errors and logs name the input: a path, or a URL without its query. */
  readonly name: string;
  /** Opens the export; reading fails once the signal aborts. */
  open(signal: AbortSignal): Promise<FocusBytes>;
}
