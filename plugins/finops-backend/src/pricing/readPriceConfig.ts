import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  CURRENCY_PATTERN,
  divideRounded,
  parsePrice,
  parseUnitPrice,
} from '@tollgate/plugin-finops-common';
import { EPOCH, ModelPrice, OperationPrice } from './prices';
import defaultModelPrices from './defaultModelPrices.json';

const MILLION = 1_000_000n;

/** The bundled model price table, in USD from the epoch on. */
export function readDefaultModelPrices(): ModelPrice[] {
  return defaultModelPrices.models.map(entry => ({
    provider: entry.provider,
    model: entry.model,
    currency: 'USD',
    effectiveFrom: EPOCH,
    input: perToken(entry.input),
    output: perToken(entry.output),
    cacheRead: perToken(entry.cacheRead),
    cacheWrite: perToken(entry.cacheWrite),
    request: perToken(entry.request),
  }));
}

function perToken(text: string | undefined): bigint | undefined {
  return text === undefined ? undefined : parseUnitPrice(text);
}

function readDay(config: Config, key: string, where: string): string {
  const value = config.getOptionalString(key);
  if (value === undefined) {
    return EPOCH;
  }
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  ) {
    throw new InputError(
      `${where}.${key} has invalid value ${JSON.stringify(
        value,
      )}: expected a date YYYY-MM-DD`,
    );
  }
  return value;
}

/** One entry of `tollgate.pricing.models`, in `currency` unless it names its own. */
export function readModelPrice(
  config: Config,
  index: number,
  currency: string,
): ModelPrice {
  const where = `tollgate.pricing.models[${index}]`;
  const perMillion = (key: string) => {
    if (!config.has(key)) {
      return undefined;
    }
    const raw = config.get(key);
    const value =
      typeof raw === 'number' || typeof raw === 'string'
        ? parseUnitPrice(raw)
        : undefined;
    if (value === undefined || value < 0n) {
      throw new InputError(
        `${where}.${key} has invalid value ${JSON.stringify(
          raw,
        )}: expected a price per million tokens such as 2.50`,
      );
    }
    return divideRounded(value, MILLION);
  };
  const perRequest = () => {
    if (!config.has('perRequest')) {
      return undefined;
    }
    const raw = config.get('perRequest');
    const value =
      typeof raw === 'number' || typeof raw === 'string'
        ? parseUnitPrice(raw)
        : undefined;
    if (value === undefined || value < 0n) {
      throw new InputError(
        `${where}.perRequest has invalid value ${JSON.stringify(
          raw,
        )}: expected a price per request such as 0.01`,
      );
    }
    return value;
  };
  const priceCurrency = config.getOptionalString('currency') ?? currency;
  if (!CURRENCY_PATTERN.test(priceCurrency)) {
    throw new InputError(
      `${where}.currency has invalid value ${JSON.stringify(
        priceCurrency,
      )}: expected a currency code such as USD`,
    );
  }
  return {
    provider: config.getString('provider'),
    model: config.getString('model'),
    currency: priceCurrency,
    effectiveFrom: readDay(config, 'effectiveFrom', where),
    input: perMillion('inputPerMillion'),
    output: perMillion('outputPerMillion'),
    cacheRead: perMillion('cacheReadPerMillion'),
    cacheWrite: perMillion('cacheWritePerMillion'),
    request: perRequest(),
  };
}

/** One entry of `tollgate.pricing.operations`. */
export function readOperationPrice(
  config: Config,
  index: number,
): OperationPrice {
  const where = `tollgate.pricing.operations[${index}]`;
  const price = parsePrice(`${where}.price`, config.getString('price'));
  if (!price.ok) {
    throw new InputError(price.error);
  }
  return {
    apiRef: config.getString('apiRef'),
    operation: config.getString('operation'),
    currency: price.value.currency,
    effectiveFrom: readDay(config, 'effectiveFrom', where),
    unitPrice: price.value.unitPrice,
  };
}
