import { createHash } from 'node:crypto';

const MAX_LENGTH = 63;

/**
 * Turns free text into a valid entity name: lower-case letters, digits and
 * `-`, `_` or `.`, starting and ending alphanumeric, at most 63 characters. A name
 * that must be shortened ends with a hash of the full text, so that it stays unique.
 * Returns undefined when nothing usable remains.
 */
export function sanitizeEntityName(value: string): string | undefined {
  const name = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  if (!name) {
    return undefined;
  }
  if (name.length <= MAX_LENGTH) {
    return name;
  }
  const hash = createHash('sha256').update(value).digest('hex').slice(0, 8);
  const head = name
    .slice(0, MAX_LENGTH - hash.length - 1)
    .replace(/[^a-z0-9]+$/, '');
  return `${head}-${hash}`;
}

/**
 * Turns free text into a valid entity tag (lower-case words of [a-z0-9:+#] joined by
 * single dashes, at most 63 characters), or undefined when nothing usable remains.
 */
export function sanitizeTag(value: string): string | undefined {
  const tag = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9:+#]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_LENGTH)
    .replace(/-+$/, '');
  return tag || undefined;
}
