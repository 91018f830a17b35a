import { Entity } from '@backstage/catalog-model';
import {
  CostRecord,
  enumerateDays,
  parseMicros,
} from '@tollgate/plugin-finops-common';
import { CostSource, OPENAI_TAGS } from '@tollgate/plugin-finops-node';

/** The day of the OpenAI module's recorded buckets (start_time 1730419200). */
export const RECORDED_DAY = '2024-11-01';

/** A record as the OpenAI source makes it of a result of its costs or usage reports. */
function openAi(
  day: string,
  report: 'costs' | 'completions' | 'embeddings',
  fields: {
    projectId?: string;
    apiKeyId?: string;
    lineItem?: string;
    model?: string;
    dimensionKind: CostRecord['dimensionKind'];
    dimension: string;
    cost?: string;
    tokens?: bigint;
    entityRef?: string;
  },
): CostRecord {
  const tags: Record<string, string> = { [OPENAI_TAGS.report]: report };
  if (fields.projectId) tags[OPENAI_TAGS.projectId] = fields.projectId;
  if (fields.apiKeyId) tags[OPENAI_TAGS.apiKeyId] = fields.apiKeyId;
  if (fields.lineItem) tags[OPENAI_TAGS.lineItem] = fields.lineItem;
  return {
    day,
    provider: 'openai',
    service: 'OpenAI API',
    model: fields.model,
    dimensionKind: fields.dimensionKind,
    dimension: fields.dimension,
    ...(fields.tokens !== undefined
      ? { quantity: fields.tokens * 1_000_000n, unit: 'tokens' }
      : {}),
    billedCostMicros: parseMicros(fields.cost ?? '0')!,
    currency: 'USD',
    tags,
    ...(fields.entityRef ? { entityRef: fields.entityRef } : {}),
  };
}

/**
 * The records of a day as the OpenAI source makes them of its recorded reports (the
 * costs by project and line item of `costs_by_line_item_page.json`, with amounts that
 * survive rounding to micro-units, and the usage results of the completions and
 * embeddings pages), with three more: a charge of a project two entities claim, a
 * charge of an API key one entity claims inside a project another claims, and a
 * charge naming an entity the catalog lacks.
 */
export function recordedOpenAiRecords(day: string): CostRecord[] {
  const mini = 'gpt-4o-mini-2024-07-18';
  const cost = (
    projectId: string | undefined,
    lineItem: string,
    amount: string,
    token?: { model: string; type: string },
    apiKeyId?: string,
  ) =>
    openAi(day, 'costs', {
      projectId,
      apiKeyId,
      lineItem,
      model: token?.model,
      dimensionKind: token ? 'tokenType' : 'usage',
      dimension: token?.type ?? lineItem,
      cost: amount,
    });
  return [
    cost('proj_abc', `${mini}, input`, '0.06', { model: mini, type: 'input' }),
    cost('proj_abc', `${mini}, cached input`, '0.10', {
      model: mini,
      type: 'cacheRead',
    }),
    cost('proj_abc', `${mini}, output`, '0.20', {
      model: mini,
      type: 'output',
    }),
    cost('proj_abc', 'text-embedding-ada-002-v2, input', '0.895874', {
      model: 'text-embedding-ada-002-v2',
      type: 'input',
    }),
    cost('proj_def', 'web search tool calls', '2.50'),
    cost(
      undefined,
      'priority | gpt-4o-2024-08-06, output, long context',
      '12.345679',
    ),
    cost('proj_shared', 'gpt-4o-2024-08-06, output', '3.00', {
      model: 'gpt-4o',
      type: 'output',
    }),
    cost(
      'proj_abc',
      'gpt-4o-2024-08-06, output',
      '0.40',
      {
        model: 'gpt-4o',
        type: 'output',
      },
      'key_batch',
    ),
    openAi(day, 'completions', {
      projectId: 'proj_abc',
      apiKeyId: 'key_abc',
      model: mini,
      dimensionKind: 'tokenType',
      dimension: 'output',
      tokens: 1000n,
    }),
    openAi(day, 'embeddings', {
      projectId: 'proj_def',
      apiKeyId: 'key_def',
      model: 'text-embedding-3-small',
      dimensionKind: 'tokenType',
      dimension: 'input',
      tokens: 0n,
    }),
    openAi(day, 'costs', {
      entityRef: 'component:default/ghost',
      lineItem: 'fine-tuning',
      dimensionKind: 'usage',
      dimension: 'fine-tuning',
      cost: '0.70',
    }),
  ];
}

/** Every record above costs this much: nothing may be dropped or counted twice. */
export const RECORDED_TOTAL = '20.201553';

/** The organization's OpenAI source, answering the recorded records for every day. */
export const openAiOrgSource: CostSource = {
  id: 'openai:org',
  type: 'openai',
  authority: 'vendor-api',
  schedule: { frequency: { trigger: 'manual' } },
  async *fetch(window) {
    for (const day of enumerateDays(window)) {
      for (const record of recordedOpenAiRecords(day)) {
        yield { type: 'cost', record };
      }
    }
  },
};

/** A component claiming vendor ids through its annotations. */
export function claiming(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      owner: 'group:default/ml',
      lifecycle: 'production',
    },
  };
}
