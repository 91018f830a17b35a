import { InputError } from '@backstage/errors';
import type { z as zod } from 'zod/v3';

type Zod = typeof zod;

/**
 * An action's input schema whose refusals name the fields that are wrong. The Actions
 * Registry answers a refusal of the schema with only "Invalid input to action"; this
 * object schema refuses with an InputError listing each field and what is wrong with
 * it, and describes itself to MCP clients as the plain strict object schema it is.
 */
export function namedFieldInput<T extends zod.ZodRawShape>(
  z: Zod,
  shape: T,
): zod.ZodObject<T, 'strict'> {
  class NamedFieldObject extends z.ZodObject<T, 'strict'> {
    override safeParse(data: unknown, params?: Partial<zod.ParseParams>) {
      const parsed = super.safeParse(data ?? {}, params);
      if (!parsed.success) {
        throw new InputError(
          `Invalid input: ${parsed.error.issues.map(describeIssue).join('; ')}`,
        );
      }
      return parsed;
    }
  }
  return new NamedFieldObject(z.object(shape).strict()._def);
}

function describeIssue(issue: zod.ZodIssue): string {
  const field = issue.path.length ? issue.path.join('.') : 'the input';
  if (issue.code === 'invalid_type' && issue.received === 'undefined') {
    return `${field} is required`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `${field} has unknown fields ${issue.keys.join(', ')}`;
  }
  return `${field} is invalid: ${issue.message}`;
}
