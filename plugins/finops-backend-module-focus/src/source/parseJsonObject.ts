/** The outcome of reading a JSON object out of a CSV field. */
export type JsonObjectResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; error: string };

/** Reads a field holding a JSON object, such as FOCUS Tags or SkuPriceDetails. */
export function parseJsonObject(text: string): JsonObjectResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      error: `is not valid JSON (${(error as Error).message})`,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'is JSON but not an object' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
