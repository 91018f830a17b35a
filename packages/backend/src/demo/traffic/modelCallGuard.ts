import {
  GuardrailDeniedError,
  GuardrailUsage,
  ModelPrices,
  TollgateClient,
  anthropicUsage,
  estimateCost,
  openAIUsage,
} from '@tollgate/finops-guardrail-client';
import { genAiProviderName } from './dayPlan';

/** A model call as a capability makes it: the prompt it sends, then its attempts. */
export interface GuardedModelCall<T> {
  /** FOCUS provider, such as OpenAI. */
  provider: string;
  model: string;
  promptTokens: number;
  maxOutputTokens: number;
  /** Makes the call (with its retries) and answers the vendor's response body. */
  call: () => Promise<T>;
  /** What the vendor's response says the call used. */
  responseBody: (response: T) => unknown;
}

/** The usage a vendor's response reports, as the guardrail client's SDK wrappers read it. */
function usageOf(provider: string, model: string, body: unknown) {
  return provider === 'Anthropic'
    ? anthropicUsage(model, body as Parameters<typeof anthropicUsage>[1])
    : openAIUsage(model, body as Parameters<typeof openAIUsage>[1]);
}

/**
 * A capability's model calls through Tollgate's guardrail client, as a gateway makes
 * them: each reserves its most expensive outcome (its prompt at the input price, its
 * maximum output at the output price), commits the usage the vendor reports, and
 * releases the reservation when the call fails. A denied reservation throws
 * `GuardrailDeniedError` and the call is not made. While Tollgate cannot answer (the
 * backend starting or restarting) calls go ahead unmetered: the capability fails open.
 */
export class ModelCallGuard {
  private readonly prices = new Map<string, Promise<ModelPrices>>();
  /** Calls made while Tollgate could not be asked. */
  unmetered = 0;

  constructor(
    private readonly client: TollgateClient,
    private readonly entityRef: string,
  ) {}

  async run<T>(call: GuardedModelCall<T>): Promise<T> {
    let reservationId: string | undefined;
    try {
      const prices = await this.pricesOf(call.provider, call.model);
      const answer = await this.client.reserve({
        entityRef: this.entityRef,
        estimatedCost: estimateCost(prices, {
          input: call.promptTokens,
          maxOutput: call.maxOutputTokens,
        }),
        currency: prices.currency,
      });
      reservationId = answer.reservationId;
    } catch (error) {
      if (error instanceof GuardrailDeniedError) throw error;
      this.unmetered += 1;
      return call.call();
    }
    let response: T;
    try {
      response = await call.call();
    } catch (error) {
      if (reservationId) {
        await this.client.release(reservationId).catch(() => undefined);
      }
      throw error;
    }
    if (reservationId) {
      const usage: GuardrailUsage = usageOf(
        call.provider,
        call.model,
        call.responseBody(response),
      );
      await this.client.commit(reservationId, usage).catch(() => {
        this.unmetered += 1;
      });
    }
    return response;
  }

  private pricesOf(provider: string, model: string): Promise<ModelPrices> {
    const key = `${provider}\u0000${model}`;
    let prices = this.prices.get(key);
    if (!prices) {
      prices = this.client.modelPrices(genAiProviderName(provider), model);
      prices.catch(() => this.prices.delete(key));
      this.prices.set(key, prices);
    }
    return prices;
  }
}
