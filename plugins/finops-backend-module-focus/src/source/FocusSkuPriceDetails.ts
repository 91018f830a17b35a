import { TokenType } from '@tollgate/plugin-finops-common';
import { parseJsonObject } from './parseJsonObject';

const INPUT_DIRECTIONS = new Set(['input', 'prompt']);
const OUTPUT_DIRECTIONS = new Set(['output', 'completion']);

function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value.trim() || undefined;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return undefined;
}

/** Keys naming the API operation a price is for, best first. */
const OPERATION_KEYS = ['operation', 'operationid', 'operationname'];

/**
 * The FOCUS SkuPriceDetails of a row: the properties of the SKU price, such as an AI
 * model's `ModelId`, `TokenDirection` (Input, Output) and `TokenCacheAction` (Read,
 * Write, Uncached), or a SaaS API's `Operation` (`createMessage`). Keys are matched
 * without regard to case or an `x_` prefix.
 */
export class FocusSkuPriceDetails {
  private constructor(private readonly properties: Map<string, unknown>) {}

  /** Reads the column's JSON; answers an error text when it is not a JSON object. */
  static parse(json: string): FocusSkuPriceDetails | { error: string } {
    const result = parseJsonObject(json);
    if (!result.ok) {
      return { error: result.error };
    }
    const properties = new Map<string, unknown>();
    for (const [key, value] of Object.entries(result.value)) {
      properties.set(key.toLocaleLowerCase('en-US').replace(/^x_/, ''), value);
    }
    return new FocusSkuPriceDetails(properties);
  }

  /** The model the price is for, if the details name one. */
  get model(): string | undefined {
    return (
      text(this.properties.get('modelid')) ?? text(this.properties.get('model'))
    );
  }

  /** The API operation the price is for, if the details name one. */
  get operation(): string | undefined {
    for (const key of OPERATION_KEYS) {
      const value = text(this.properties.get(key));
      if (value) {
        return value;
      }
    }
    return undefined;
  }

  /** The token type the price is for, if the details describe tokens. */
  get tokenType(): TokenType | undefined {
    const direction = text(
      this.properties.get('tokendirection'),
    )?.toLowerCase();
    const cache = text(this.properties.get('tokencacheaction'))?.toLowerCase();
    if (direction && OUTPUT_DIRECTIONS.has(direction)) {
      return 'output';
    }
    if (direction && !INPUT_DIRECTIONS.has(direction)) {
      return undefined;
    }
    if (cache === 'read') {
      return 'cache-read';
    }
    if (cache === 'write') {
      return 'cache-write';
    }
    return direction ? 'input' : undefined;
  }
}
