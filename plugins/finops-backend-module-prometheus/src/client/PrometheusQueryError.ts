import { CustomErrorBase } from '@backstage/errors';

/**
 * A query that Prometheus did not answer: an HTTP error, an error body, a malformed
 * body, a timeout or an abort. The message names the server, the query and what the
 * server said.
 */
export class PrometheusQueryError extends CustomErrorBase {
  name = 'PrometheusQueryError' as const;

  constructor(
    message: string,
    /** The query that failed. */
    readonly query: string,
    /** Prometheus' `errorType` (`bad_data`, `timeout`, …) when the body had one. */
    readonly errorType?: string,
    cause?: Error,
  ) {
    super(message, cause);
  }

  /** Whether Prometheus refused the query text itself (a PromQL parse error). */
  get isParseError(): boolean {
    return this.errorType === 'bad_data' && /parse error/.test(this.message);
  }
}
