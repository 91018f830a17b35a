import { PrometheusSample } from '../client/PrometheusClient';
import { DEFAULT_METRIC_NAMES } from '../config/MetricNames';
import { PrometheusSourceConfig } from '../config/PrometheusSourceConfig';
import { LabelSelector } from '../promql/LabelSelector';
import { FetchSession } from '../source/FetchSession';
import { TestPriceBook } from '../__testUtils__/TestPriceBook';
import { EntityDay } from './EntityDay';
import { collectTokenUsage } from './collectTokenUsage';

const ENTITY = 'component:default/triage';
const DAY = '2025-03-01';

const priceBook = new TestPriceBook({
  tokens: {
    'openai/gpt-4o/input': '0.0000025',
    'openai/gpt-4o/output': '0.00001',
  },
});

/** A fetch session whose server answers each naming's query with its samples. */
function session(
  naming: PrometheusSourceConfig['naming'],
  samples: { classic?: PrometheusSample[]; utf8?: PrometheusSample[] },
) {
  const queries: string[] = [];
  const fake = {
    config: { id: 'main', naming, metrics: DEFAULT_METRIC_NAMES.otel },
    priceBook,
    currency: 'USD',
    utf8NamesSupported: undefined,
    warnOnce: jest.fn(),
    query: async (query: string) => {
      queries.push(query);
      return (
        (query.includes('"gen_ai.client.token.usage_sum"')
          ? samples.utf8
          : samples.classic) ?? []
      );
    },
  };
  return { session: fake as unknown as FetchSession, queries };
}

const selector = LabelSelector.parse('{job="triage"}');
const entityDay = {
  target: { entityRef: ENTITY, selector: selector.ok && selector.selector },
  day: { day: DAY, time: 1740873600, range: '1d', complete: true },
} as unknown as EntityDay;

const gpt4o = {
  gen_ai_system: 'openai',
  gen_ai_request_model: 'gpt-4o',
};

describe('collectTokenUsage', () => {
  it('keeps the agent and conversation that series carry as tags, each agent’s tokens apart', async () => {
    const { session: s, queries } = session('classic', {
      classic: [
        {
          labels: {
            ...gpt4o,
            gen_ai_token_type: 'input',
            gen_ai_agent_id: 'triage-agent',
            gen_ai_conversation_id: 'c1',
          },
          value: 1_000_000,
        },
        {
          labels: {
            ...gpt4o,
            gen_ai_token_type: 'input',
            gen_ai_agent_name: 'Escalation writer',
          },
          value: 400_000,
        },
        { labels: { ...gpt4o, gen_ai_token_type: 'input' }, value: 200_000 },
        {
          labels: { ...gpt4o, gen_ai_token_type: 'output' },
          value: 100_000,
        },
      ],
    });
    const records = await collectTokenUsage(s, entityDay);
    expect(queries).toEqual([
      'sum by (gen_ai_request_model, gen_ai_response_model, gen_ai_token_type, gen_ai_system, gen_ai_provider_name, gen_ai_agent_id, gen_ai_agent_name, gen_ai_conversation_id) (increase(gen_ai_client_token_usage_sum{job="triage"}[1d]))',
    ]);
    expect(records.map(r => [r.dimension, r.billedCostMicros, r.tags])).toEqual(
      [
        [
          'input',
          2_500_000n,
          {
            'gen_ai.agent.id': 'triage-agent',
            'gen_ai.conversation.id': 'c1',
          },
        ],
        ['input', 1_000_000n, { 'gen_ai.agent.name': 'Escalation writer' }],
        ['input', 500_000n, undefined],
        ['output', 1_000_000n, undefined],
      ],
    );
  });

  it('reads the dotted names of UTF-8 series, and counts usage under both names once', async () => {
    const agentLabels = {
      'gen_ai.agent.id': 'triage-agent',
      'gen_ai.conversation.id': 'c1',
    };
    const { session: s, queries } = session('both', {
      classic: [
        {
          labels: {
            ...gpt4o,
            gen_ai_token_type: 'input',
            gen_ai_agent_id: 'triage-agent',
            gen_ai_conversation_id: 'c1',
          },
          value: 1_000_000,
        },
      ],
      utf8: [
        {
          labels: {
            'gen_ai.system': 'openai',
            'gen_ai.request.model': 'gpt-4o',
            'gen_ai.token.type': 'input',
            ...agentLabels,
          },
          value: 1_000_000,
        },
        {
          labels: {
            'gen_ai.system': 'openai',
            'gen_ai.request.model': 'gpt-4o',
            'gen_ai.token.type': 'input',
            'gen_ai.agent.id': 'other-agent',
          },
          value: 200_000,
        },
      ],
    });
    const records = await collectTokenUsage(s, entityDay);
    expect(queries[1]).toContain(
      '"gen_ai.agent.id", "gen_ai.agent.name", "gen_ai.conversation.id"',
    );
    expect(records.map(r => [r.billedCostMicros, r.tags])).toEqual([
      [2_500_000n, agentLabels],
      [500_000n, { 'gen_ai.agent.id': 'other-agent' }],
    ]);
  });

  it('keeps the agent beside the unpriced tag of usage it cannot price', async () => {
    const { session: s } = session('classic', {
      classic: [
        {
          labels: {
            gen_ai_system: 'acme',
            gen_ai_request_model: 'mystery',
            gen_ai_token_type: 'input',
            gen_ai_agent_id: 'triage-agent',
          },
          value: 10,
        },
      ],
    });
    const [record] = await collectTokenUsage(s, entityDay);
    expect(record.tags).toEqual({
      'gen_ai.agent.id': 'triage-agent',
      unpriced: 'true',
    });
    expect(record.billedCostMicros).toBe(0n);
  });
});
