import { estimateCost } from './estimateCost';
import {
  GuardrailDeniedError,
  GuardrailUsage,
  ModelPrices,
  TollgateClient,
} from './TollgateClient';

/** Who spends, and the brakes a call's reservation carries. @public */
export interface GuardOptions {
  client: TollgateClient;
  /** The catalog entity the spend belongs to, such as component:default/summarizer. */
  entityRef: string;
  agentId?: string;
  sessionId?: string;
  /** The most the session may spend, as a decimal string; needs sessionId. */
  maxSessionCost?: string;
  /** Output tokens reserved for a call that sets no maximum. Defaults to 4096. */
  defaultMaxOutputTokens?: number;
  /**
   * Fail open: when set, a call whose reservation Tollgate cannot answer (unreachable,
   * starting, an error other than a denial) goes ahead unmetered, and a commit that
   * fails is dropped; each is passed here, to be counted. A denial still throws
   * `GuardrailDeniedError`. Without it, both throw (fail closed).
   */
  onUnavailable?: (error: unknown) => void;
}

const DEFAULT_MAX_OUTPUT_TOKENS = 4096;

/** Prices are fetched once per client and model. */
const pricesByClient = new WeakMap<
  TollgateClient,
  Map<string, Promise<ModelPrices>>
>();

function pricesOf(client: TollgateClient, provider: string, model: string) {
  const byModel = pricesByClient.get(client) ?? new Map();
  pricesByClient.set(client, byModel);
  const key = `${provider}\u0000${model}`;
  let prices = byModel.get(key);
  if (!prices) {
    prices = client.modelPrices(provider, model);
    prices.catch(() => byModel.delete(key));
    byModel.set(key, prices);
  }
  return prices;
}

/**
 * Reserves, calls, and commits the call's usage, or releases when it fails. For
 * calls the SDK wrappers do not cover, such as a gateway's own HTTP calls.
 *
 * @public
 */
export async function guardCall<T>(
  options: GuardOptions,
  call: {
    provider: string;
    model: string;
    promptTokens: number;
    maxOutputTokens?: number | null;
    call: () => Promise<T>;
    usage: (response: T) => GuardrailUsage;
  },
): Promise<T> {
  const { client, onUnavailable } = options;
  let reservationId: string;
  try {
    const prices = await pricesOf(client, call.provider, call.model);
    const reservation = await client.reserve({
      entityRef: options.entityRef,
      estimatedCost: estimateCost(prices, {
        input: call.promptTokens,
        maxOutput:
          call.maxOutputTokens ??
          options.defaultMaxOutputTokens ??
          DEFAULT_MAX_OUTPUT_TOKENS,
      }),
      currency: prices.currency,
      agentId: options.agentId,
      sessionId: options.sessionId,
      maxSessionCost: options.maxSessionCost,
    });
    reservationId = reservation.reservationId!;
  } catch (error) {
    if (!onUnavailable || error instanceof GuardrailDeniedError) throw error;
    onUnavailable(error);
    return call.call();
  }
  let response: T;
  try {
    response = await call.call();
  } catch (error) {
    await client.release(reservationId).catch(() => undefined);
    throw error;
  }
  try {
    await client.commit(reservationId, call.usage(response));
  } catch (error) {
    if (!onUnavailable) throw error;
    onUnavailable(error);
  }
  return response;
}
