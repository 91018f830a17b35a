import { CustomErrorBase } from '@backstage/errors';

/**
 * A request to the Anthropic API failed: an HTTP error that retries did not cure, a
 * timeout, an abort, or a body that is not the expected answer. The message names
 * the request (never the key) and the problem.
 */
export class AnthropicRequestError extends CustomErrorBase {
  /** The requested URL. */
  readonly url: string;
  /** The HTTP status of the last response, where one arrived. */
  readonly status?: number;

  constructor(message: string, details: { url: string; status?: number }) {
    super(message);
    this.url = details.url;
    this.status = details.status;
  }
}
