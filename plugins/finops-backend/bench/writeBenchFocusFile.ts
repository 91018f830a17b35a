import { closeSync, createWriteStream, fsyncSync, openSync } from 'node:fs';
import { once } from 'node:events';
import { addDays } from '@tollgate/plugin-finops-common';

const HEADER =
  'BilledCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd,ConsumedQuantity,ConsumedUnit,ListCost,ServiceName,ServiceProviderName,SkuId,SkuPriceDetails,Tags';

const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-sonnet-4', 'claude-haiku'];
const DIRECTIONS = [
  ['Input', 'Uncached'],
  ['Input', 'Read'],
  ['Input', 'Write'],
  ['Output', 'Uncached'],
];

/**
 * Writes a FOCUS 1.2 CSV of AI token charges with `records` rows spread over `days`
 * days from `firstDay`, over `entities` capabilities, and answers the exact total
 * billed in micro-units.
 */
export async function writeBenchFocusFile(options: {
  path: string;
  records: number;
  days: number;
  entities: number;
  firstDay: string;
}): Promise<bigint> {
  const out = createWriteStream(options.path);
  out.write(`${HEADER}\n`);
  let total = 0n;
  const perDay = Math.ceil(options.records / options.days);
  for (let i = 0; i < options.records; i++) {
    const day = addDays(options.firstDay, Math.floor(i / perDay));
    const next = addDays(day, 1);
    const model = MODELS[i % MODELS.length];
    const [direction, cache] = DIRECTIONS[(i >> 2) % DIRECTIONS.length];
    const micros = 1000 + (i % 997) * 13;
    total += BigInt(micros);
    const cost = (micros / 1e6).toFixed(6);
    const details = `"{""TokenDirection"": ""${direction}"", ""TokenCacheAction"": ""${cache}"", ""ModelId"": ""${model}""}"`;
    const tags = `"{""backstage-entity"": ""component:default/capability-${
      i % options.entities
    }""}"`;
    const line = `${cost},USD,Usage,${day}T00:00:00Z,${next}T00:00:00Z,${
      1000 + (i % 50)
    },Tokens,${cost},OpenAI API,OpenAI,${model}-${direction.toLowerCase()},${details},${tags}\n`;
    if (!out.write(line)) {
      await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
  // On disk before anything is timed: the file's writeback would otherwise land in
  // whichever write waits for the disk next, such as a database's commit.
  const fd = openSync(options.path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return total;
}
