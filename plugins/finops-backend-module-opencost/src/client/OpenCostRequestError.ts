import { CustomErrorBase } from '@backstage/errors';

/**
 * A request to OpenCost or Kubecost failed: an HTTP error, a timeout, an abort, a
 * body that is not a usable allocation answer, or an answer whose `code` is not 200.
 * The message names the request and the problem.
 *
 * @public
 */
export class OpenCostRequestError extends CustomErrorBase {
  /** The requested URL, without credentials. */
  readonly url: string;
  /** The HTTP status, where a response arrived. */
  readonly status?: number;

  constructor(message: string, details: { url: string; status?: number }) {
    super(message);
    this.url = details.url;
    this.status = details.status;
  }
}
