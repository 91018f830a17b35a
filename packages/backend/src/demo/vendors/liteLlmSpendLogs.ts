import { DEMO_LITELLM_CAPABILITY } from './demoVendorAccounts';
import { DemoInvoiceLine } from './demoInvoiceLines';

/** One request through the demo's LiteLLM proxy, as its spend logs hold it. */
export interface DemoSpendLog {
  requestId: string;
  day: string;
  /** When it started, in milliseconds since the epoch. */
  startMs: number;
  model: string;
  provider: 'openai' | 'anthropic';
  /** What the proxy counted it to cost, in micro-dollars. */
  spendMicros: bigint;
  /** Every input token, cached or not, as the proxy counts prompt tokens. */
  promptTokens: bigint;
  completionTokens: bigint;
}

/** How many requests a day of one model the demo's proxy logs: one every 15 minutes. */
export const REQUESTS_PER_MODEL_DAY = 96;

const INTERVAL_MS = 86_400_000 / REQUESTS_PER_MODEL_DAY;

/** The shares of a whole amount: as equal as can be, the first ones a unit more. */
function shares(total: bigint, count: number): bigint[] {
  const n = BigInt(count);
  const base = total / n;
  const rest = Number(total % n);
  return Array.from({ length: count }, (_, i) => base + (i < rest ? 1n : 0n));
}

/**
 * The spend logs of the capability whose calls go through the demo's LiteLLM proxy:
 * each day's calls of a model as {@link REQUESTS_PER_MODEL_DAY} requests, which
 * together cost what the invoice bills that day for that model and capability, to
 * the micro-dollar, and use its tokens (prompt tokens include cache reads and writes).
 */
export function liteLlmSpendLogs(
  lines: readonly DemoInvoiceLine[],
): DemoSpendLog[] {
  const days = new Map<
    string,
    Omit<DemoSpendLog, 'requestId' | 'startMs'> & { modelIndex: number }
  >();
  const models: string[] = [];
  for (const line of lines) {
    if (line.capability !== DEMO_LITELLM_CAPABILITY) continue;
    if (!models.includes(line.model)) models.push(line.model);
    const key = JSON.stringify([line.day, line.model]);
    let day = days.get(key);
    if (!day) {
      day = {
        day: line.day,
        model: line.model,
        modelIndex: models.indexOf(line.model),
        provider: line.provider === 'OpenAI' ? 'openai' : 'anthropic',
        spendMicros: 0n,
        promptTokens: 0n,
        completionTokens: 0n,
      };
      days.set(key, day);
    }
    day.spendMicros += line.billedMicros;
    if (line.tokenType === 'output') {
      day.completionTokens += line.tokens;
    } else {
      day.promptTokens += line.tokens;
    }
  }
  const logs: DemoSpendLog[] = [];
  for (const { modelIndex, ...day } of days.values()) {
    const spend = shares(day.spendMicros, REQUESTS_PER_MODEL_DAY);
    const prompt = shares(day.promptTokens, REQUESTS_PER_MODEL_DAY);
    const completion = shares(day.completionTokens, REQUESTS_PER_MODEL_DAY);
    const midnight = Date.parse(`${day.day}T00:00:00Z`);
    for (let i = 0; i < REQUESTS_PER_MODEL_DAY; i++) {
      logs.push({
        ...day,
        requestId: `chatcmpl-demo-${day.day}-${modelIndex}-${i}`,
        // a model's requests a few minutes apart from the other's
        startMs: midnight + i * INTERVAL_MS + (modelIndex * 7 + 2) * 60_000,
        spendMicros: spend[i],
        promptTokens: prompt[i],
        completionTokens: completion[i],
      });
    }
  }
  return logs.sort((a, b) => a.startMs - b.startMs);
}
