import { CustomErrorBase } from '@backstage/errors';

/** What a failed request was. @public */
export interface VendorRequestErrorDetails {
  /** The requested URL. */
  url: string;
  /** The HTTP status of the last response, where one arrived. */
  status?: number;
}

/**
 * A request to a vendor's API failed: an HTTP error that retries did not cure, a
 * timeout, an abort, or a body that is not the expected answer. The message names
 * the request (never a key) and the problem. Modules may extend it so that the
 * error's name says which vendor failed.
 *
 * @public
 */
export class VendorRequestError extends CustomErrorBase {
  /** The requested URL. */
  readonly url: string;
  /** The HTTP status of the last response, where one arrived. */
  readonly status?: number;

  constructor(message: string, details: VendorRequestErrorDetails) {
    super(message);
    this.url = details.url;
    this.status = details.status;
  }
}
