/**
 * Reserve before spending: wraps the OpenAI and Anthropic Node SDKs so that each call
 * reserves its most expensive outcome with Tollgate, commits its usage and releases on
 * error.
 *
 * @packageDocumentation
 */
export {
  TollgateClient,
  GuardrailDeniedError,
  TollgateRequestError,
} from './TollgateClient';
export type {
  GuardrailUsage,
  ModelPrices,
  ReservationAnswer,
} from './TollgateClient';
export { guardCall } from './guardCall';
export type { GuardOptions } from './guardCall';
export { guardOpenAI, openAIUsage } from './guardOpenAI';
export { guardAnthropic, anthropicUsage } from './guardAnthropic';
export { estimateCost, estimatePromptTokens } from './estimateCost';
