import { LoggerService } from '@backstage/backend-plugin-api';
import { PriceBook } from '@tollgate/plugin-finops-node';
import { PrometheusClient, PrometheusSample } from '../client/PrometheusClient';
import { PrometheusSourceConfig } from '../config/PrometheusSourceConfig';

/**
 * What the collectors share during one fetch: the client bound to the run's abort
 * signal, the price book, and what has been learned about the server so far.
 */
export class FetchSession {
  /** Whether the server accepts UTF-8 metric names; unknown until first asked. */
  utf8NamesSupported: boolean | undefined;
  /** Components whose outcome query the server refused. */
  readonly refusedOutcomeQueries = new Set<string>();
  private readonly warned = new Set<string>();
  private readonly ended = new AbortController();
  private readonly signal: AbortSignal;

  constructor(
    readonly config: PrometheusSourceConfig,
    private readonly client: PrometheusClient,
    runSignal: AbortSignal,
    readonly logger: LoggerService,
    readonly priceBook: PriceBook,
    readonly currency: string,
  ) {
    this.signal = AbortSignal.any([runSignal, this.ended.signal]);
  }

  /** Cancels the queries still running, once the fetch has failed. */
  cancel() {
    this.ended.abort();
  }

  /** Runs an instant query; warnings in the answer are logged. */
  async query(query: string, time: number): Promise<PrometheusSample[]> {
    const result = await this.client.query(query, time, this.signal);
    for (const warning of result.warnings) {
      this.warnOnce(
        `prometheus:${warning}`,
        `Prometheus source ${this.config.id} warns about ${query}: ${warning}`,
      );
    }
    return result.samples;
  }

  /** Logs a warning once per fetch. */
  warnOnce(key: string, message: string) {
    if (!this.warned.has(key)) {
      this.warned.add(key);
      this.logger.warn(message);
    }
  }
}
