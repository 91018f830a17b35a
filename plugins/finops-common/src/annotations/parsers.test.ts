import {
  parseBillingGranularity,
  parseBudget,
  parseEnforcement,
  parseLabelValue,
  parseLatencySlo,
  parseOperationBilling,
  parsePrice,
  parseThresholds,
  parseSpendRateLimit,
} from './parsers';

const NAME = 'tollgate.dev/example';

function errorOf(result: { ok: boolean; error?: string }) {
  expect(result.ok).toBe(false);
  return (result as { error: string }).error;
}

describe('parseLabelValue', () => {
  it.each(['cc-1234', 'Platform.AI_2', 'a', 'x'.repeat(63)])('accepts %s', v =>
    expect(parseLabelValue(NAME, v)).toEqual({ ok: true, value: v }),
  );

  it.each([
    'Bad Value!',
    '',
    '-leading',
    'trailing-',
    'x'.repeat(64),
    'ünïcode',
    42,
    null,
  ])('rejects %j naming the annotation and value', v => {
    const error = errorOf(parseLabelValue(NAME, v));
    expect(error).toContain(NAME);
    expect(error).toContain(JSON.stringify(v));
    expect(error).toContain('Kubernetes label value');
  });
});

describe('parseBudget', () => {
  it('parses amount, currency and period', () => {
    expect(parseBudget(NAME, '2500 USD/month')).toEqual({
      ok: true,
      value: { amountMicros: 2500000000n, currency: 'USD', period: 'month' },
    });
    expect(parseBudget(NAME, '9,000.50 EUR / quarter')).toEqual({
      ok: true,
      value: { amountMicros: 9000500000n, currency: 'EUR', period: 'quarter' },
    });
    expect(parseBudget(NAME, '100USD/year')).toMatchObject({ ok: true });
  });

  it.each([
    ['2500 USD', 'period'],
    ['USD/month', 'amount'],
    ['0 USD/month', 'positive'],
    ['2500 usd/month', 'upper-case'],
    ['2500 USD/week', 'month, quarter, year'],
    ['-5 USD/month', 'amount'],
    ['2,50 USD/month', 'amount'],
    [2500, 'amount'],
  ])('rejects %j', (value, hint) => {
    const error = errorOf(parseBudget(NAME, value));
    expect(error).toContain(NAME);
    expect(error).toContain(hint);
  });
});

describe('parseThresholds', () => {
  it('parses increasing percentages', () => {
    expect(parseThresholds(NAME, '50,80,100')).toEqual({
      ok: true,
      value: [50, 80, 100],
    });
    expect(parseThresholds(NAME, ' 75%, 90% ,120')).toEqual({
      ok: true,
      value: [75, 90, 120],
    });
    expect(parseThresholds(NAME, [50, 100])).toEqual({
      ok: true,
      value: [50, 100],
    });
  });

  it.each(['', '80,50', '50,50', '0,50', '50,abc', '2000', '12.5', {}])(
    'rejects %j',
    value => {
      expect(errorOf(parseThresholds(NAME, value))).toContain(
        'increasing order',
      );
    },
  );
});

describe('words', () => {
  it('parses enforcement', () => {
    expect(parseEnforcement(NAME, 'hard')).toEqual({ ok: true, value: 'hard' });
    expect(errorOf(parseEnforcement(NAME, 'strict'))).toContain(
      'one of advisory, hard',
    );
  });

  it('parses billing granularity', () => {
    expect(parseBillingGranularity(NAME, 'quota-limited')).toMatchObject({
      ok: true,
    });
    expect(errorOf(parseBillingGranularity(NAME, 'Metered'))).toContain(
      'free, free-tier, paid-tier, metered, quota-limited',
    );
  });

  it('parses operation billing', () => {
    expect(parseOperationBilling(NAME, 'chargeable')).toMatchObject({
      ok: true,
    });
    expect(errorOf(parseOperationBilling(NAME, undefined))).toContain(
      'chargeable, metered, free',
    );
  });
});

describe('parseLatencySlo', () => {
  it.each([
    ['800ms', 0.8],
    ['1.5s', 1.5],
    [' 250 ms ', 0.25],
  ])('reads %p as %p seconds', (text, seconds) => {
    expect(parseLatencySlo(NAME, text)).toEqual({ ok: true, value: seconds });
  });

  it.each(['fast', '0ms', '800', '1.5 min', 800])('refuses %p', value => {
    expect(errorOf(parseLatencySlo(NAME, value))).toBe(
      `tollgate.dev/example has invalid value ${JSON.stringify(
        value,
      )}: expected a duration above zero in ms or s, such as 800ms or 1.5s`,
    );
  });
});

describe('parsePrice', () => {
  it('parses per-call prices', () => {
    expect(parsePrice(NAME, '0.004 USD/call')).toEqual({
      ok: true,
      value: { unitPrice: 4000000000n, currency: 'USD', unit: 'call' },
    });
  });

  it('divides by a count before the unit', () => {
    expect(parsePrice(NAME, '2.50 USD/1M tokens')).toEqual({
      ok: true,
      value: { unitPrice: 2500000n, currency: 'USD', unit: 'token' },
    });
    expect(parsePrice(NAME, '1 EUR/1000 requests')).toMatchObject({
      value: { unitPrice: 1000000000n, unit: 'request' },
    });
  });

  it.each(['free', '0.004 usd/call', '0.004 USD', 'USD/call', '1 USD/0 calls'])(
    'rejects %j',
    value => {
      expect(errorOf(parsePrice(NAME, value))).toContain('0.004 USD/call');
    },
  );
});

describe('parseSpendRateLimit', () => {
  it('reads an amount, a currency and a trailing window', () => {
    expect(parseSpendRateLimit('k', '25 USD/hour')).toEqual({
      ok: true,
      value: {
        amountMicros: 25_000_000n,
        currency: 'USD',
        windowMs: 3_600_000,
        per: 'hour',
      },
    });
    expect(parseSpendRateLimit('k', ' 200.5 EUR / day ')).toMatchObject({
      ok: true,
      value: { amountMicros: 200_500_000n, windowMs: 86_400_000 },
    });
  });

  it.each([
    '25 USD/week',
    '25 usd/hour',
    '0 USD/hour',
    '25 ABC/hour',
    '25/hour',
    '',
  ])('refuses %j naming the annotation', value => {
    const result = parseSpendRateLimit('tollgate.dev/spend-rate-limit', value);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.error).toContain(
      'tollgate.dev/spend-rate-limit has invalid value',
    );
  });
});
