import { NO_AGENT_KEY, NO_SESSION_KEY } from './metering/genAiTags';

/**
 * What a line of a cost breakdown holds when it is none of its dimension's values:
 * spend of another kind, named by what it is (Kubernetes resources, API calls, AI
 * model tokens, other services), or spend of the dimension's own kind that names no
 * value, such as model tokens that name no agent (`unnamed`).
 *
 * @public
 */
export type CostOutside =
  | 'kubernetes'
  | 'apiCalls'
  | 'modelTokens'
  | 'otherServices'
  | 'unnamed';

/** The breakdown key of token spend whose records name no model. @public */
export const NO_MODEL_KEY = '(no model)';

/** The breakdown key of each kind of spend outside a dimension. @public */
export const COST_OUTSIDE_KEYS = {
  kubernetes: '(Kubernetes)',
  apiCalls: '(API calls)',
  modelTokens: '(AI models)',
  otherServices: '(other services)',
} as const;

const OUTSIDE_OF_KEY = new Map<string, CostOutside>([
  ...Object.entries(COST_OUTSIDE_KEYS).map(
    ([outside, key]) => [key, outside as CostOutside] as const,
  ),
  [NO_MODEL_KEY, 'unnamed'],
  [NO_AGENT_KEY, 'unnamed'],
  [NO_SESSION_KEY, 'unnamed'],
]);

/**
 * Which kind of spend outside its dimension a breakdown key names; undefined for a
 * value of the dimension (a model, a token type, an operation, an agent, …).
 *
 * @public
 */
export function costOutsideOf(key: string): CostOutside | undefined {
  return OUTSIDE_OF_KEY.get(key);
}
