import { ForwardedError, InputError, ResponseError } from '@backstage/errors';
import { Readable } from 'node:stream';
import { ReadableStream } from 'node:stream/web';
import { FocusInput } from './FocusInput';

/** The URL without credentials, query or fragment, which may hold secrets. */
function describe(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** A FOCUS export answered by an HTTP(S) URL. */
export class FocusUrlInput implements FocusInput {
  readonly name: string;

  private constructor(private readonly url: URL) {
    this.name = describe(url);
  }

  /** Throws InputError unless the text is an absolute http or https URL. */
  static parse(text: string): FocusUrlInput {
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
    return new FocusUrlInput(url);
  }

  async open(signal: AbortSignal): Promise<Readable> {
    signal.throwIfAborted();
    const response = await fetch(this.url, {
      signal,
      headers: { accept: 'text/csv, text/plain;q=0.9, */*;q=0.5' },
    });
    if (!response.ok) {
      throw new ForwardedError(
        `Fetching FOCUS export ${this.name} failed`,
        await ResponseError.fromResponse(response),
      );
    }
    if (!response.body) {
      throw new InputError(`FOCUS export ${this.name} answered no body`);
    }
    return Readable.fromWeb(response.body as ReadableStream<Uint8Array>);
  }
}
