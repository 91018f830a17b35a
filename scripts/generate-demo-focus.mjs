#!/usr/bin/env node
// Writes the demo's FOCUS exports: an AI provider invoice (tokens by model, direction
// and cache action) and a SaaS API invoice (calls by operation), one row per
// capability, SKU and UTC day, for the days ending today. Deterministic for a given
// day range, so repeated starts ingest the same figures.
//
//   node scripts/generate-demo-focus.mjs [outDir] [days]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const outDir = process.argv[2] ?? 'examples/focus/generated';
const days = Number(process.argv[3] ?? 120);

// Prices per million tokens (input, output, cache read, cache write), as the
// providers list them.
const MODELS = {
  'gpt-4o': {
    provider: 'OpenAI',
    service: 'OpenAI API',
    prices: ['2.50', '10.00', '1.25', null],
  },
  'gpt-4o-mini': {
    provider: 'OpenAI',
    service: 'OpenAI API',
    prices: ['0.15', '0.60', '0.075', null],
  },
  'text-embedding-3-small': {
    provider: 'OpenAI',
    service: 'OpenAI API',
    prices: ['0.02', null, null, null],
  },
  'claude-sonnet-4-20250514': {
    provider: 'Anthropic',
    service: 'Anthropic API',
    prices: ['3.00', '15.00', '0.30', '3.75'],
  },
  'claude-3-5-haiku-20241022': {
    provider: 'Anthropic',
    service: 'Anthropic API',
    prices: ['0.80', '4.00', '0.08', '1.00'],
  },
};

// Daily millions of input tokens per capability and model on a weekday.
const AI_USAGE = [
  ['support-summarizer', 'gpt-4o', 9],
  ['support-summarizer', 'claude-sonnet-4-20250514', 3],
  ['ticket-triage', 'claude-3-5-haiku-20241022', 14],
  ['agent-assist', 'gpt-4o-mini', 40],
  ['fraud-scorer', 'gpt-4o-mini', 12],
  ['product-search', 'text-embedding-3-small', 60],
  ['rag-gateway', 'gpt-4o', 22],
  ['rag-gateway', 'claude-sonnet-4-20250514', 8],
  ['embedding-pipeline', 'text-embedding-3-small', 150],
  ['insights-copilot', 'claude-sonnet-4-20250514', 6],
  ['report-generator', 'claude-sonnet-4-20250514', 2],
  // spend whose tag names no catalog entity: kept as unallocated
  ['legacy-batch-job', 'gpt-4o', 1],
];

// Daily calls per capability and operation on a weekday, with the per-call price.
const API_USAGE = [
  [
    'checkout-service',
    'Stripe',
    'Stripe API',
    'createPaymentIntent',
    '0.05',
    4200,
  ],
  ['checkout-service', 'Stripe', 'Stripe API', 'createRefund', '0.02', 180],
  ['fraud-scorer', 'Stripe', 'Stripe API', 'createPaymentIntent', '0.05', 300],
  [
    'sms-notifier',
    'Twilio',
    'Twilio Messaging',
    'createMessage',
    '0.0079',
    9000,
  ],
  [
    'ticket-triage',
    'Twilio',
    'Twilio Messaging',
    'createMessage',
    '0.0079',
    1200,
  ],
  ['store-locator', 'Google', 'Google Maps Platform', 'geocode', '0.005', 6000],
  [
    'store-locator',
    'Google',
    'Google Maps Platform',
    'nearbySearch',
    '0.032',
    1500,
  ],
  [
    'product-search',
    'Algolia',
    'Algolia Search',
    'searchIndex',
    '0.0005',
    80000,
  ],
];

const COLUMNS = [
  'BilledCost',
  'BillingAccountId',
  'BillingCurrency',
  'BillingPeriodEnd',
  'BillingPeriodStart',
  'ChargeCategory',
  'ChargeDescription',
  'ChargePeriodEnd',
  'ChargePeriodStart',
  'ConsumedQuantity',
  'ConsumedUnit',
  'EffectiveCost',
  'ListCost',
  'ListUnitPrice',
  'PricingQuantity',
  'PricingUnit',
  'ServiceCategory',
  'ServiceName',
  'ServiceProviderName',
  'SkuId',
  'SkuPriceDetails',
  'Tags',
];

const DAY_MS = 86_400_000;
const today = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');

/** Exact decimal text to integer units of 10^-scale. */
function units(text, scale) {
  const [whole, fraction = ''] = text.split('.');
  return (
    BigInt(whole) * 10n ** BigInt(scale) +
    BigInt(fraction.padEnd(scale, '0').slice(0, scale) || '0')
  );
}
function decimal(value, scale) {
  const base = 10n ** BigInt(scale);
  const fraction = (value % base)
    .toString()
    .padStart(scale, '0')
    .replace(/0+$/, '');
  return `${value / base}${fraction ? `.${fraction}` : ''}`;
}
/** quantity × price, rounded half-even to micro-units. */
function cost(quantity, priceText, per) {
  const n = quantity * units(priceText, 12);
  const d = per * 10n ** 6n;
  let q = n / d;
  const r = (n % d) * 2n;
  if (r > d || (r === d && q % 2n === 1n)) q += 1n;
  return decimal(q, 6);
}
/** A deterministic factor in [0.85, 1.15) for a key and day. */
function jitter(key, day) {
  let h = 2166136261;
  for (const c of `${key}|${day}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return 0.85 + ((h >>> 0) % 3000) / 10000;
}
function weekdayFactor(date) {
  const d = date.getUTCDay();
  return d === 0 || d === 6 ? 0.45 : 1;
}
function csvField(value) {
  const text = String(value ?? '');
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
function row(values) {
  return COLUMNS.map(c => csvField(values[c])).join(',');
}
function tags(capability, team) {
  return JSON.stringify({
    'backstage-entity': `component:default/${capability}`,
    ...(team ? { team } : {}),
  });
}

const aiRows = [];
const apiRows = [];
for (let i = days - 1; i >= 0; i--) {
  const date = new Date(today.getTime() - i * DAY_MS);
  const day = date.toISOString().slice(0, 10);
  const start = `${day}T00:00:00Z`;
  const end = new Date(date.getTime() + DAY_MS)
    .toISOString()
    .replace('.000', '');
  const monthStart = `${day.slice(0, 8)}01T00:00:00Z`;
  const monthEnd = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1),
  )
    .toISOString()
    .replace('.000', '');
  // Growth of about 30% over the period, so trends and forecasts have something to show.
  const growth = 0.85 + (0.3 * (days - i)) / days;
  for (const [capability, model, millions] of AI_USAGE) {
    const spec = MODELS[model];
    const base =
      millions *
      1e6 *
      weekdayFactor(date) *
      growth *
      jitter(capability + model, day);
    const input = BigInt(Math.round(base));
    const lines = [
      ['Input', 'Uncached', input, spec.prices[0]],
      ['Output', 'Uncached', BigInt(Math.round(base * 0.18)), spec.prices[1]],
      ['Input', 'Read', BigInt(Math.round(base * 0.35)), spec.prices[2]],
      ['Input', 'Write', BigInt(Math.round(base * 0.05)), spec.prices[3]],
    ];
    for (const [direction, cache, tokens, price] of lines) {
      if (price === null) continue;
      const billed = cost(tokens, price, 1_000_000n);
      const label =
        cache === 'Uncached'
          ? `${direction} tokens`
          : `Cache ${cache.toLowerCase()} input tokens`;
      aiRows.push(
        row({
          BilledCost: billed,
          BillingAccountId: 'acct-demo',
          BillingCurrency: 'USD',
          BillingPeriodStart: monthStart,
          BillingPeriodEnd: monthEnd,
          ChargeCategory: 'Usage',
          ChargeDescription: `${label} for ${model}`,
          ChargePeriodStart: start,
          ChargePeriodEnd: end,
          ConsumedQuantity: tokens.toString(),
          ConsumedUnit: 'Tokens',
          EffectiveCost: billed,
          ListCost: billed,
          ListUnitPrice: price,
          PricingQuantity: decimal(tokens, 6),
          PricingUnit: '1000000 Tokens',
          ServiceCategory: 'AI and Machine Learning',
          ServiceName: spec.service,
          ServiceProviderName: spec.provider,
          SkuId: `${model}-${direction.toLowerCase()}-${cache.toLowerCase()}`,
          SkuPriceDetails: JSON.stringify({
            ModelId: model,
            TokenDirection: direction,
            TokenCacheAction: cache,
          }),
          Tags: tags(capability),
        }),
      );
    }
  }
  for (const [
    capability,
    provider,
    service,
    operation,
    price,
    calls,
  ] of API_USAGE) {
    const count = BigInt(
      Math.round(
        calls *
          weekdayFactor(date) *
          growth *
          jitter(capability + operation, day),
      ),
    );
    const billed = cost(count, price, 1n);
    apiRows.push(
      row({
        BilledCost: billed,
        BillingAccountId: 'acct-demo',
        BillingCurrency: 'USD',
        BillingPeriodStart: monthStart,
        BillingPeriodEnd: monthEnd,
        ChargeCategory: 'Usage',
        ChargeDescription: `${operation} calls`,
        ChargePeriodStart: start,
        ChargePeriodEnd: end,
        ConsumedQuantity: count.toString(),
        ConsumedUnit: 'Requests',
        EffectiveCost: billed,
        ListCost: billed,
        ListUnitPrice: price,
        PricingQuantity: count.toString(),
        PricingUnit: 'Requests',
        ServiceCategory: 'Web',
        ServiceName: service,
        ServiceProviderName: provider,
        SkuId: operation,
        SkuPriceDetails: JSON.stringify({ Operation: operation }),
        Tags: tags(capability),
      }),
    );
  }
}

mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, 'ai-providers.csv'),
  `${COLUMNS.join(',')}\n${aiRows.join('\n')}\n`,
);
writeFileSync(
  join(outDir, 'saas-apis.csv'),
  `${COLUMNS.join(',')}\n${apiRows.join('\n')}\n`,
);
console.log(
  `Wrote ${
    aiRows.length + apiRows.length
  } FOCUS rows for ${days} days to ${outDir}`,
);
