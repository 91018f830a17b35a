import { LabelSelector } from './LabelSelector';
import { increaseByQuery, quantileQuery } from './queries';

const selector = (text: string) => {
  const result = LabelSelector.parse(text);
  if (!result.ok) {
    throw new Error(result.reason);
  }
  return result.selector;
};

describe('queries', () => {
  it('writes classic names plainly', () => {
    expect(
      increaseByQuery(
        ['status'],
        'naftiko_request_total',
        selector('{job="triage"}'),
        '1d',
      ),
    ).toBe(
      'sum by (status) (increase(naftiko_request_total{job="triage"}[1d]))',
    );
    expect(
      quantileQuery(
        0.95,
        'http_server_request_duration_seconds',
        selector('{job="a"}'),
        '3600s',
      ),
    ).toBe(
      'histogram_quantile(0.95, sum by (le) (increase(http_server_request_duration_seconds_bucket{job="a"}[3600s])))',
    );
  });

  it('quotes UTF-8 names with the Prometheus 3 syntax', () => {
    expect(
      increaseByQuery(
        ['gen_ai.token.type', 'gen_ai.request.model'],
        'gen_ai.client.token.usage_sum',
        selector('{job="summarizer", "service.namespace"="ai"}'),
        '1d',
      ),
    ).toBe(
      'sum by ("gen_ai.token.type", "gen_ai.request.model") (increase({"gen_ai.client.token.usage_sum", job="summarizer", "service.namespace"="ai"}[1d]))',
    );
  });
});
