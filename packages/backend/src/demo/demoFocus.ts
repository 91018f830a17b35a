/**
 * The demo's FOCUS exports: an AI provider invoice (tokens by model, direction and
 * cache action) and a SaaS API invoice (calls by operation), one row per capability,
 * SKU and UTC day, for the days ending on the day it is generated for.
 *
 * Deterministic for a given day and length, and sized so that the demo tells the same
 * story on any date: most capabilities within budget, a few at risk by forecast, and a
 * runaway agent loop on ticket-triage (yesterday and today) that passes its hard budget
 * even on the first day of a month, which is also the recent spend anomaly. The AI
 * rows of support-summarizer and ticket-triage name the agent that spent them.
 *
 * Kept free of imports and of syntax that is not erasable, so that Node runs it as it
 * is (scripts/generate-demo-focus.mjs).
 */

/** A model's prices per million tokens: input, output, cache read, cache write. */
interface DemoModel {
  provider: string;
  service: string;
  prices: [string, string | null, string | null, string | null];
}

/** Prices per million tokens as the providers list them. */
export const DEMO_MODELS: Record<string, DemoModel> = {
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

/** Daily millions of input tokens per capability and model on a weekday. */
export const DEMO_AI_USAGE: Array<[string, string, number]> = [
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

/** Daily calls per capability and operation on a weekday, with the per-call price. */
export const DEMO_API_USAGE: Array<
  [string, string, string, string, string, number]
> = [
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

/**
 * The agents that make a capability's calls to a model, named in its AI rows' Tags by
 * the OpenTelemetry GenAI key `gen_ai.agent.id`, so that the Cost tab splits their
 * spend by agent; a capability's other rows (its API calls) name none.
 */
export const DEMO_AGENTS: Array<[string, string, string]> = [
  ['support-summarizer', 'gpt-4o', 'summarizer-agent'],
  ['support-summarizer', 'claude-sonnet-4-20250514', 'escalation-drafter'],
  ['ticket-triage', 'claude-3-5-haiku-20241022', 'triage-agent'],
];

/** The Tags key that names a row's agent. */
export const DEMO_AGENT_TAG = 'gen_ai.agent.id';

/**
 * The runaway agent loop: one capability's calls to one model at many times their
 * weekday volume on the last days generated, weekends included. Fifty times
 * ticket-triage's usual haiku spend is at least 1,050 USD a day, past its 800 USD
 * monthly hard budget even when the month began today.
 */
export const DEMO_RUNAWAY = {
  capability: 'ticket-triage',
  model: 'claude-3-5-haiku-20241022',
  /** The last days of the export that it spans: yesterday and today. */
  days: 2,
  factor: 50,
};

/**
 * How many days the demo's exports span. Each day's volume depends on its place in
 * the span (spend grows over it), so what is compared with them is generated over the
 * same span.
 */
export const DEMO_FOCUS_DAYS = 120;

export const DEMO_FOCUS_COLUMNS = [
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
] as const;

export type DemoFocusRow = Record<(typeof DEMO_FOCUS_COLUMNS)[number], string>;

/** The tag key that names a row's catalog entity. */
export const DEMO_ENTITY_TAG = 'backstage-entity';

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The UTC day the demo is generated for: `TOLLGATE_DEMO_DATE` (YYYY-MM-DD) when set,
 * else today in UTC.
 */
export function demoDay(
  env: Record<string, string | undefined>,
  now: Date,
): string {
  const given = env.TOLLGATE_DEMO_DATE;
  if (given === undefined || given === '') {
    return now.toISOString().slice(0, 10);
  }
  const match = DAY_PATTERN.exec(given);
  const date = new Date(`${given}T00:00:00Z`);
  if (!match || Number.isNaN(date.getTime()) || dayText(date) !== given) {
    throw new Error(
      `TOLLGATE_DEMO_DATE must be a day as YYYY-MM-DD, such as 2027-02-28, not "${given}"`,
    );
  }
  return given;
}

/** The demo's two FOCUS exports for the `days` days ending on `today`. */
export function generateDemoFocus(options: { today: string; days: number }): {
  aiProviders: DemoFocusRow[];
  saasApis: DemoFocusRow[];
} {
  const { today, days } = options;
  const last = new Date(`${today}T00:00:00Z`);
  if (!DAY_PATTERN.test(today) || Number.isNaN(last.getTime())) {
    throw new Error(`Invalid day ${today}: expected YYYY-MM-DD`);
  }
  if (!Number.isInteger(days) || days < 1) {
    throw new Error(
      `Invalid number of days ${days}: expected a whole number from 1`,
    );
  }
  const aiProviders: DemoFocusRow[] = [];
  const saasApis: DemoFocusRow[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const date = new Date(last.getTime() - i * DAY_MS);
    const day = dayText(date);
    const charge = chargePeriods(date);
    // Growth of about 30% over the period, so trends and forecasts have something to show.
    const growth = 0.85 + (0.3 * (days - i)) / days;
    for (const [capability, model, millions] of DEMO_AI_USAGE) {
      // A runaway loop spends the same on any day of the week.
      const volume =
        i < DEMO_RUNAWAY.days &&
        capability === DEMO_RUNAWAY.capability &&
        model === DEMO_RUNAWAY.model
          ? DEMO_RUNAWAY.factor
          : weekdayFactor(date);
      const base =
        millions * 1e6 * volume * growth * jitter(capability + model, day);
      aiProviders.push(...tokenRows(capability, model, base, charge));
    }
    for (const [
      capability,
      provider,
      service,
      operation,
      price,
      calls,
    ] of DEMO_API_USAGE) {
      const count = BigInt(
        Math.round(
          calls *
            weekdayFactor(date) *
            growth *
            jitter(capability + operation, day),
        ),
      );
      const billed = cost(count, price, 1n);
      saasApis.push({
        ...charge,
        BilledCost: billed,
        BillingAccountId: 'acct-demo',
        BillingCurrency: 'USD',
        ChargeCategory: 'Usage',
        ChargeDescription: `${operation} calls`,
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
      });
    }
  }
  return { aiProviders, saasApis };
}

/** Rows as a FOCUS CSV file, header first. */
export function toFocusCsv(rows: DemoFocusRow[]): string {
  const lines = rows.map(r =>
    DEMO_FOCUS_COLUMNS.map(c => csvField(r[c])).join(','),
  );
  return `${DEMO_FOCUS_COLUMNS.join(',')}\n${lines.join('\n')}\n`;
}

type ChargePeriods = Pick<
  DemoFocusRow,
  | 'ChargePeriodStart'
  | 'ChargePeriodEnd'
  | 'BillingPeriodStart'
  | 'BillingPeriodEnd'
>;

function chargePeriods(date: Date): ChargePeriods {
  const day = dayText(date);
  const monthEnd = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1),
  );
  return {
    ChargePeriodStart: `${day}T00:00:00Z`,
    ChargePeriodEnd: `${dayText(new Date(date.getTime() + DAY_MS))}T00:00:00Z`,
    BillingPeriodStart: `${day.slice(0, 8)}01T00:00:00Z`,
    BillingPeriodEnd: `${dayText(monthEnd)}T00:00:00Z`,
  };
}

/** A day's input, output, cache read and cache write rows of one capability and model. */
function tokenRows(
  capability: string,
  model: string,
  base: number,
  charge: ChargePeriods,
): DemoFocusRow[] {
  const spec = DEMO_MODELS[model];
  const agent = DEMO_AGENTS.find(([c, m]) => c === capability && m === model);
  const lines: Array<[string, string, number, string | null]> = [
    ['Input', 'Uncached', base, spec.prices[0]],
    ['Output', 'Uncached', base * 0.18, spec.prices[1]],
    ['Input', 'Read', base * 0.35, spec.prices[2]],
    ['Input', 'Write', base * 0.05, spec.prices[3]],
  ];
  const rows: DemoFocusRow[] = [];
  for (const [direction, cache, amount, price] of lines) {
    if (price === null) continue;
    const tokens = BigInt(Math.round(amount));
    const billed = cost(tokens, price, 1_000_000n);
    const label =
      cache === 'Uncached'
        ? `${direction} tokens`
        : `Cache ${cache.toLowerCase()} input tokens`;
    rows.push({
      ...charge,
      BilledCost: billed,
      BillingAccountId: 'acct-demo',
      BillingCurrency: 'USD',
      ChargeCategory: 'Usage',
      ChargeDescription: `${label} for ${model}`,
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
      Tags: tags(capability, agent?.[2]),
    });
  }
  return rows;
}

function dayText(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Exact decimal text to integer units of 10^-scale. */
function units(text: string, scale: number): bigint {
  const [whole, fraction = ''] = text.split('.');
  return (
    BigInt(whole) * 10n ** BigInt(scale) +
    BigInt(fraction.padEnd(scale, '0').slice(0, scale) || '0')
  );
}

function decimal(value: bigint, scale: number): string {
  const base = 10n ** BigInt(scale);
  const fraction = (value % base)
    .toString()
    .padStart(scale, '0')
    .replace(/0+$/, '');
  return `${value / base}${fraction ? `.${fraction}` : ''}`;
}

/** quantity × price per `per` units, rounded half-even to micro-units. */
function cost(quantity: bigint, priceText: string, per: bigint): string {
  const n = quantity * units(priceText, 12);
  const d = per * 10n ** 6n;
  let q = n / d;
  const r = (n % d) * 2n;
  if (r > d || (r === d && q % 2n === 1n)) q += 1n;
  return decimal(q, 6);
}

/** A deterministic factor in [0.85, 1.15) for a key and day. */
function jitter(key: string, day: string): number {
  let h = 2166136261;
  for (const c of `${key}|${day}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return 0.85 + ((h >>> 0) % 3000) / 10000;
}

function weekdayFactor(date: Date): number {
  const d = date.getUTCDay();
  return d === 0 || d === 6 ? 0.45 : 1;
}

function csvField(value: string | undefined): string {
  const text = value ?? '';
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function tags(capability: string, agent?: string): string {
  return JSON.stringify({
    [DEMO_ENTITY_TAG]: `component:default/${capability}`,
    ...(agent ? { [DEMO_AGENT_TAG]: agent } : {}),
  });
}
