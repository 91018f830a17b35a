import { Config } from '@backstage/config';
import { invalidConfigValue } from './invalidConfigValue';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * Reads the `id` of a source's configured entry at `path`: up to 100 letters,
 * digits, `.`, `_` or `-`, starting with a letter or digit. Throws an InputError
 * naming the entry otherwise.
 *
 * @public
 */
export function readSourceId(config: Config, path: string): string {
  const id = config.getString('id');
  if (!ID_PATTERN.test(id)) {
    throw invalidConfigValue(
      path,
      'id',
      id,
      'up to 100 letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
  }
  return id;
}
