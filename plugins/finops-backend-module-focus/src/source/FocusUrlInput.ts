import { UrlReaderService } from '@backstage/backend-plugin-api';
import { ForwardedError, InputError, toError } from '@backstage/errors';
import { Readable } from 'node:stream';
import { FocusBytes, streamBytes } from './FocusBytes';
import { FocusInput } from './FocusInput';

/** The URL without credentials, query or fragment, which may hold secrets. */
function describe(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** Any URL in the text without its query and fragment, which may hold signatures. */
function redactUrls(text: string): string {
  return text.replace(/(https?:\/\/[^\s?#,]+)[?#][^\s,]*/g, '$1');
}

/**
 * A FOCUS export answered by an HTTP(S) URL, read through Backstage's URL reader:
 * `backend.reading.allow` admits plain HTTP(S) hosts, and the integrations
 * (awsS3, googleGcs, azureBlobStorage) bring the credentials of their stores.
 */
export class FocusUrlInput implements FocusInput {
  readonly name: string;

  private constructor(
    private readonly url: URL,
    private readonly reader: UrlReaderService,
  ) {
    this.name = describe(url);
  }

  /** Throws InputError unless the text is an absolute http or https URL. */
  static parse(text: string, reader: UrlReaderService): FocusUrlInput {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new InputError(`FOCUS export URL "${text}" is not a valid URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new InputError(
        `FOCUS export URL ${describe(url)} must use http or https, not ${
          url.protocol
        }`,
      );
    }
    return new FocusUrlInput(url, reader);
  }

  async open(signal: AbortSignal): Promise<FocusBytes> {
    signal.throwIfAborted();
    try {
      const response = await this.reader.readUrl(this.url.href, { signal });
      return streamBytes(
        response.stream
          ? response.stream()
          : Readable.from(await response.buffer()),
      );
    } catch (e) {
      signal.throwIfAborted();
      const error = toError(e);
      const cause = new Error(redactUrls(error.message));
      cause.name = error.name;
      throw new ForwardedError(
        `Fetching FOCUS export ${this.name} failed`,
        cause,
      );
    }
  }
}
