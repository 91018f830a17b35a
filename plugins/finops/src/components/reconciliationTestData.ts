import {
  ReconciliationFigures,
  ReconciliationResponse,
} from '@tollgate/plugin-finops-common';

const sources: ReconciliationResponse['sources'] = [
  { id: 'focus:llm-invoices', authority: 'invoice', figures: ['invoice'] },
  {
    id: 'openai:org',
    authority: 'vendor-api',
    figures: ['vendorUsage', 'vendorCost'],
  },
  { id: 'prometheus:main', authority: 'telemetry', figures: ['metered'] },
  { id: 'metered', authority: 'metered', figures: ['metered'] },
];

/** One day of gpt-4o input: metered 10% above the invoice, past the 5% alert. */
const inputDay: ReconciliationFigures = {
  invoice: { quantity: '2000000', cost: '5.00' },
  vendorCost: { cost: '5.10' },
  vendorUsage: { quantity: '2100000', cost: '5.25' },
  metered: { quantity: '2200000', cost: '5.50' },
  reference: 'invoice',
  drift: {
    vendorCost: { amount: '0.10', percent: 2 },
    vendorUsage: { amount: '0.25', percent: 5 },
    metered: { amount: '0.50', percent: 10 },
  },
};

/** gpt-4o input and cache reads on two days, and a price the price book has wrong. */
export const reconciliation: ReconciliationResponse = {
  from: '2026-08-10',
  to: '2026-08-11',
  currency: 'USD',
  costBasis: 'billed',
  driftAlertPercent: 5,
  sources,
  lines: [
    {
      provider: 'openai',
      model: 'gpt-4o',
      tokenType: 'input',
      invoice: { quantity: '4000000', cost: '10.00' },
      vendorCost: { cost: '10.20' },
      vendorUsage: { quantity: '4200000', cost: '10.50' },
      metered: { quantity: '4400000', cost: '11.00' },
      reference: 'invoice',
      drift: {
        vendorCost: { amount: '0.20', percent: 2 },
        vendorUsage: { amount: '0.50', percent: 5 },
        metered: { amount: '1.00', percent: 10 },
      },
      days: [
        { day: '2026-08-10', ...inputDay },
        { day: '2026-08-11', ...inputDay },
      ],
    },
    {
      provider: 'openai',
      model: 'gpt-4o',
      tokenType: 'cache-read',
      metered: { quantity: '1000000', unpricedQuantity: '1000000' },
      vendorUsage: { quantity: '8000000', cost: '10.00' },
      reference: 'vendorUsage',
      drift: {},
      days: [
        {
          day: '2026-08-10',
          vendorUsage: { quantity: '8000000', cost: '10.00' },
          metered: { quantity: '1000000', unpricedQuantity: '1000000' },
          reference: 'vendorUsage',
          drift: {},
        },
      ],
    },
  ],
  priceSuggestions: [
    {
      provider: 'openai',
      model: 'gpt-4o',
      differences: [
        {
          tokenType: 'cache-read',
          priceBookPerMillion: '1.25',
          billedPerMillion: '0.625',
          billedBy: 'invoice',
          days: 14,
          from: '2026-07-29',
          to: '2026-08-11',
          message:
            'gpt-4o cache reads: price book 1.25/M, billed 0.625/M over 14 days',
        },
      ],
      override: {
        provider: 'openai',
        model: 'gpt-4o',
        inputPerMillion: '2.5',
        outputPerMillion: '10',
        cacheReadPerMillion: '0.625',
        effectiveFrom: '2026-07-29',
      },
      config: [
        'tollgate:',
        '  pricing:',
        '    models:',
        '      - provider: openai',
        '        model: gpt-4o',
        '        inputPerMillion: 2.5',
        '        outputPerMillion: 10',
        '        cacheReadPerMillion: 0.625',
        '        effectiveFrom: 2026-07-29',
        '',
      ].join('\n'),
    },
  ],
};

/** A period without token records, with only metered usage configured. */
export const emptyReconciliation: ReconciliationResponse = {
  ...reconciliation,
  sources: sources.slice(3),
  lines: [],
  priceSuggestions: [],
};
