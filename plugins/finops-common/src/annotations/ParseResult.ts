/**
 * The outcome of parsing an annotation or configuration value: the value, or an error
 * message that names what was parsed, the bad value and the expected form.
 *
 * @public
 */
export type ParseResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: string };

/** @public */
export function parsed<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

/** @public */
export function parseError<T = never>(
  name: string,
  value: unknown,
  expected: string,
): ParseResult<T> {
  return {
    ok: false,
    error: `${name} has invalid value ${shown(value)}: expected ${expected}`,
  };
}

/** A value as an error message shows it: JSON, cut short past 200 characters. */
function shown(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
