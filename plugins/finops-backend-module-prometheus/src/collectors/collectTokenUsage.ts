import {
  CostRecord,
  GEN_AI_TAGS,
  QUANTITY_SCALE,
} from '@tollgate/plugin-finops-common';
import { PrometheusSample } from '../client/PrometheusClient';
import { PrometheusQueryError } from '../client/PrometheusQueryError';
import { increaseByQuery } from '../promql/queries';
import { FetchSession } from '../source/FetchSession';
import { EntityDay, roundCount } from './EntityDay';
import { toTokenType } from './tokenTypes';

/** The GenAI attributes read, as UTF-8 names; classic names replace dots by `_`. */
const ATTRIBUTES = {
  requestModel: 'gen_ai.request.model',
  responseModel: 'gen_ai.response.model',
  tokenType: 'gen_ai.token.type',
  system: 'gen_ai.system',
  providerName: 'gen_ai.provider.name',
};

/** The GenAI attributes naming an agent and a conversation, kept as record tags. */
const TAG_ATTRIBUTES = Object.values(GEN_AI_TAGS);

interface TokenUsage {
  provider: string;
  model: string;
  tokenType: string;
  tokens: number;
  /** The agent and conversation attributes the series carry, by their UTF-8 names. */
  tags: Record<string, string>;
}

type Naming = 'classic' | 'utf8';

const classic = (name: string) => name.replace(/\./g, '_');

/**
 * Token usage of one component on one day from the OpenTelemetry GenAI
 * `gen_ai.client.token.usage` histogram (its `_sum`), per model, token type,
 * provider, agent and conversation, priced through the price book. The agent
 * (`gen_ai.agent.id`, `gen_ai.agent.name`) and conversation (`gen_ai.conversation.id`)
 * that series carry are kept as record tags under their UTF-8 names, so that each
 * agent's tokens are records of their own. With naming `both`, usage that appears
 * under both names counts once.
 */
export async function collectTokenUsage(
  session: FetchSession,
  entityDay: EntityDay,
): Promise<CostRecord[]> {
  const namings = await readNamings(session, entityDay);
  const merged = new Map<string, TokenUsage>();
  for (const usages of namings) {
    const perNaming = new Map<string, TokenUsage>();
    for (const usage of usages) {
      const key = [
        usage.provider,
        usage.model,
        usage.tokenType,
        ...TAG_ATTRIBUTES.map(name => usage.tags[name] ?? ''),
      ].join('\u0000');
      const entry = perNaming.get(key);
      perNaming.set(
        key,
        entry ? { ...entry, tokens: entry.tokens + usage.tokens } : usage,
      );
    }
    for (const [key, usage] of perNaming) {
      const other = merged.get(key);
      // The same usage under its two names: keep one, the larger where they differ.
      if (!other || usage.tokens > other.tokens) {
        merged.set(key, usage);
      }
    }
  }
  return [...merged.values()]
    .filter(usage => usage.tokens > 0)
    .map(usage => priceTokens(session, entityDay, usage));
}

async function readNamings(
  session: FetchSession,
  entityDay: EntityDay,
): Promise<TokenUsage[][]> {
  const { naming } = session.config;
  const wanted: Naming[] =
    naming === 'both'
      ? [
          'classic',
          ...(session.utf8NamesSupported === false ? [] : ['utf8' as const]),
        ]
      : [naming];
  const results = await Promise.all(
    wanted.map(async n => {
      try {
        const samples = await queryNaming(session, entityDay, n);
        if (n === 'utf8') {
          session.utf8NamesSupported = true;
        }
        return samples.map(s => toUsage(s, n));
      } catch (error) {
        if (
          naming === 'both' &&
          n === 'utf8' &&
          error instanceof PrometheusQueryError &&
          error.isParseError
        ) {
          session.utf8NamesSupported = false;
          session.warnOnce(
            'utf8-names',
            `Prometheus source ${session.config.id}: the server refuses UTF-8 metric names (they need Prometheus 3, or --enable-feature=utf8-names on 2.x), so only the classic ${session.config.metrics.tokenUsage}_sum is read: ${error.message}`,
          );
          return [];
        }
        throw error;
      }
    }),
  );
  return results;
}

function queryNaming(
  session: FetchSession,
  { target, day }: EntityDay,
  naming: Naming,
): Promise<PrometheusSample[]> {
  const names = session.config.metrics;
  const rename = naming === 'classic' ? classic : (n: string) => n;
  const metric = naming === 'classic' ? names.tokenUsage : names.tokenUsageUtf8;
  return session.query(
    increaseByQuery(
      [...Object.values(ATTRIBUTES), ...TAG_ATTRIBUTES].map(rename),
      `${metric}_sum`,
      target.selector,
      day.range,
    ),
    day.time,
  );
}

function toUsage(sample: PrometheusSample, naming: Naming): TokenUsage {
  const label = (name: string) =>
    sample.labels[naming === 'classic' ? classic(name) : name] ?? '';
  const tags: Record<string, string> = {};
  for (const name of TAG_ATTRIBUTES) {
    if (label(name)) tags[name] = label(name);
  }
  return {
    provider:
      label(ATTRIBUTES.providerName) || label(ATTRIBUTES.system) || 'unknown',
    model:
      label(ATTRIBUTES.requestModel) ||
      label(ATTRIBUTES.responseModel) ||
      'unknown',
    tokenType: label(ATTRIBUTES.tokenType),
    tokens: Number.isFinite(sample.value) ? roundCount(sample.value) : 0,
    tags,
  };
}

function priceTokens(
  session: FetchSession,
  { target, day }: EntityDay,
  usage: TokenUsage,
): CostRecord {
  const quantity = BigInt(usage.tokens) * 10n ** BigInt(QUANTITY_SCALE);
  const tokenType = toTokenType(usage.tokenType);
  const provider = usage.provider === 'unknown' ? undefined : usage.provider;
  const priced = tokenType
    ? session.priceBook.priceTokens({
        provider,
        model: usage.model,
        tokenType,
        quantity,
        day: day.day,
      })
    : undefined;
  if (!tokenType) {
    session.warnOnce(
      `token-type:${usage.tokenType}`,
      `Prometheus source ${session.config.id}: token type ${JSON.stringify(
        usage.tokenType,
      )} of model ${usage.model} (used by ${
        target.entityRef
      }) is none of input, output, cache-read, cache-write; its tokens are reported unpriced`,
    );
  } else if (!priced) {
    session.warnOnce(
      `model:${usage.provider}:${usage.model}`,
      `Prometheus source ${session.config.id}: no price for model ${usage.model} of provider ${usage.provider} (used by ${target.entityRef}); its tokens are reported unpriced`,
    );
  }
  return {
    day: day.day,
    entityRef: target.entityRef,
    provider: usage.provider,
    service: `${usage.provider} API`,
    model: usage.model,
    dimensionKind: 'tokenType',
    dimension: tokenType ?? (usage.tokenType || 'unknown'),
    quantity,
    unit: 'tokens',
    billedCostMicros: priced?.costMicros ?? 0n,
    currency: priced?.currency ?? session.currency,
    ...(priced && !Object.keys(usage.tags).length
      ? {}
      : { tags: { ...usage.tags, ...(priced ? {} : { unpriced: 'true' }) } }),
  };
}
