import { VendorRequestError } from '@tollgate/plugin-finops-node';

/**
 * A request to the LiteLLM proxy failed: an HTTP error that retries did not cure, a
 * timeout, an abort, or a page that is not the expected answer. The message names
 * the request (never the key) and the problem.
 */
export class LiteLlmRequestError extends VendorRequestError {}
