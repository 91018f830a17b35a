import { InputError } from '@backstage/errors';

/** The error of a configured value that is not what the key expects. */
export function invalidConfigValue(
  path: string,
  key: string,
  value: unknown,
  expected: string,
): InputError {
  return new InputError(
    `Invalid ${path}.${key} ${JSON.stringify(value)}: expected ${expected}`,
  );
}
