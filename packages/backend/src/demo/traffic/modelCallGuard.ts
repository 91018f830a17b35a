import {
  GuardOptions,
  TollgateClient,
  anthropicUsage,
  guardCall,
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
 * A capability's model calls through Tollgate's guardrail client (`guardCall`), as a
 * gateway makes them: each reserves its most expensive outcome, commits the usage the
 * vendor reports, and releases the reservation when the call fails. A denied
 * reservation throws `GuardrailDeniedError` and the call is not made. While Tollgate
 * cannot answer (the backend starting or restarting) calls go ahead unmetered and are
 * counted: the capability fails open.
 */
export class ModelCallGuard {
  /** Calls made while Tollgate could not be asked, or their usage not told. */
  unmetered = 0;
  private readonly options: GuardOptions;

  constructor(client: TollgateClient, entityRef: string) {
    this.options = {
      client,
      entityRef,
      onUnavailable: () => {
        this.unmetered += 1;
      },
    };
  }

  run<T>(call: GuardedModelCall<T>): Promise<T> {
    return guardCall(this.options, {
      provider: genAiProviderName(call.provider),
      model: call.model,
      promptTokens: call.promptTokens,
      maxOutputTokens: call.maxOutputTokens,
      call: call.call,
      usage: response =>
        usageOf(call.provider, call.model, call.responseBody(response)),
    });
  }
}
