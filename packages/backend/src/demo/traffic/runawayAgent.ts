import Anthropic from '@anthropic-ai/sdk';
import {
  GuardrailDeniedError,
  TollgateClient,
  guardAnthropic,
} from '@tollgate/finops-guardrail-client';
import { GenAiMetrics } from './genAiMetrics';
import { replayFetch } from './httpFetch';
import { readVendorUsage } from './vendorMessages';

/** A runaway agent loop: which capability, which model, how hard it calls. */
export const RUNAWAY_AGENT = {
  capability: 'insights-copilot',
  agentId: 'insights-agent',
  model: 'claude-sonnet-4-20250514',
  /** Calls a second while it runs; each sends a long prompt. */
  callsPerSecond: 8,
  promptCharacters: 40_000,
  maxTokens: 1024,
};

/** What the loop did, for the simulator's ledger. */
export interface RunawayOutcome {
  calls: number;
  deniedAt?: string;
  denial?: string;
}

/**
 * An agent of the runaway capability stuck in a loop, calling its model through
 * Tollgate's guardrail client (reserve, call the vendor through Anthropic's SDK,
 * commit the usage) as fast as it can, until the guardrail denies a reservation: the
 * capability's `tollgate.dev/spend-rate-limit` stops it.
 */
export async function runRunawayAgent(options: {
  backendUrl: string;
  token: string;
  vendorPort: number;
  genAi: GenAiMetrics;
  now: () => number;
  /** The count of an earlier attempt that failed (the backend restarting), to go on with. */
  outcome?: RunawayOutcome;
}): Promise<RunawayOutcome> {
  const agent = RUNAWAY_AGENT;
  const anthropic = new Anthropic({
    apiKey: 'demo-replay',
    baseURL: `http://api.anthropic.com:${options.vendorPort}`,
    maxRetries: 0,
    fetch: replayFetch(() => ({
      'x-replay-capability': agent.capability,
      'x-replay-day': new Date(options.now()).toISOString().slice(0, 10),
    })) as unknown as typeof fetch,
  });
  const guarded = guardAnthropic(anthropic, {
    client: new TollgateClient({
      baseUrl: options.backendUrl,
      token: options.token,
    }),
    entityRef: `component:default/${agent.capability}`,
    agentId: agent.agentId,
  });
  const prompt = 'Summarize every account again. '.repeat(
    Math.ceil(agent.promptCharacters / 31),
  );
  const outcome: RunawayOutcome = options.outcome ?? { calls: 0 };
  for (;;) {
    const started = performance.now();
    try {
      const message = await guarded.messages.create({
        model: agent.model,
        max_tokens: agent.maxTokens,
        system: prompt,
        messages: [{ role: 'user', content: 'And once more.' }],
      });
      outcome.calls += 1;
      options.genAi.record({
        provider: 'Anthropic',
        model: agent.model,
        tokens: readVendorUsage('Anthropic', message),
        seconds: (performance.now() - started) / 1000,
      });
    } catch (error) {
      if (error instanceof GuardrailDeniedError) {
        outcome.deniedAt = new Date(options.now()).toISOString();
        outcome.denial = JSON.stringify(error.answer);
        return outcome;
      }
      throw error;
    }
    const rest = 1000 / agent.callsPerSecond - (performance.now() - started);
    if (rest > 0) await new Promise(resolve => setTimeout(resolve, rest));
  }
}
