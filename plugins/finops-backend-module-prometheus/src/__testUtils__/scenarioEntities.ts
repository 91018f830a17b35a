import { Entity } from '@backstage/catalog-model';

function component(
  name: string,
  annotations: Record<string, string> = {},
  spec: Record<string, unknown> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'team-a',
      ...spec,
    },
  };
}

function api(name: string, title: string, definition: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name, namespace: 'default', title },
    spec: {
      type: 'openapi',
      lifecycle: 'production',
      owner: 'team-a',
      definition,
    },
  };
}

/** The catalog the source sees. */
export const scenarioEntities: Entity[] = [
  component(
    'summarizer',
    {
      'tollgate.dev/prometheus-selector': '{job="summarizer"}',
      'tollgate.dev/outcome-query':
        'sum(increase(summaries_generated_total{job="summarizer"}[1d]))',
    },
    { consumesApis: ['openai', 'api:default/stripe'] },
  ),
  // No annotation: selected by the default {job="triage"}.
  {
    ...component('triage'),
    relations: [{ type: 'consumesApi', targetRef: 'api:default/anthropic' }],
  },
  component('writer'),
  component('broken', {
    'tollgate.dev/prometheus-selector': 'job="summarizer"',
  }),
  component('reporter', {
    'tollgate.dev/prometheus-selector': '{job="reporter"}',
    'tollgate.dev/outcome-query': 'sum(increase(reports_total[1d]',
  }),
  api(
    'openai',
    'OpenAI API',
    [
      'openapi: 3.0.0',
      'info:',
      '  title: OpenAI API',
      '  version: 2.3.0',
      'servers:',
      '  - url: https://api.openai.com/v1',
      'paths:',
      '  /chat/completions:',
      '    post:',
      '      operationId: createChatCompletion',
    ].join('\n'),
  ),
  api(
    'stripe',
    'Stripe API',
    JSON.stringify({
      openapi: '3.0.0',
      info: { title: 'Stripe API', version: '2024-06-20' },
      servers: [{ url: 'https://api.stripe.com/' }],
      paths: {
        '/v1/charges': {
          post: {
            operationId: 'PostCharges',
            'x-tollgate-price': '0.004 USD/call',
          },
        },
      },
    }),
  ),
  api(
    'anthropic',
    'Anthropic API',
    ['openapi: 3.1.0', 'servers:', '- url: "https://api.anthropic.com"'].join(
      '\n',
    ),
  ),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'summarizer', namespace: 'default' },
    spec: { type: 'database', owner: 'team-a' },
  },
];
