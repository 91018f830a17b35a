/**
 * OpenAPI extension that says how an operation of a consumed API bills:
 * `chargeable`, `metered` or `free`.
 *
 * @public
 */
export const OPENAPI_BILLING_EXTENSION = 'x-tollgate-billing';

/**
 * OpenAPI extension with the list price of one call of an operation, such as
 * `"0.004 USD/call"` or `"2.50 USD/1M tokens"`.
 *
 * @public
 */
export const OPENAPI_PRICE_EXTENSION = 'x-tollgate-price';
