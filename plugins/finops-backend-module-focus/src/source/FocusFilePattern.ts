import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';

const WILDCARD = /[*?]/;

function toRegExp(segment: string): RegExp {
  const body = segment
    .split('')
    .map(char => {
      if (char === '*') {
        return '.*';
      }
      if (char === '?') {
        return '.';
      }
      return char.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${body}$`, 's');
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * A configured FOCUS file path. The last path segment may hold the wildcards `*` (any
 * run of characters) and `?` (one character); they never match a leading dot, so
 * hidden files are only matched by a pattern that starts with one.
 */
export class FocusFilePattern {
  private constructor(
    /** The pattern as configured. */
    readonly pattern: string,
    private readonly directory: string,
    private readonly name: string | RegExp,
  ) {}

  /** Parses a configured pattern; throws InputError on a wildcard in a directory. */
  static parse(pattern: string): FocusFilePattern {
    const trimmed = pattern.trim();
    if (!trimmed) {
      throw new InputError('FOCUS file path must not be empty');
    }
    const directory = path.dirname(trimmed);
    const name = path.basename(trimmed);
    if (WILDCARD.test(directory)) {
      throw new InputError(
        `FOCUS file path "${pattern}" has a wildcard outside its last segment; only the file name may hold * and ?`,
      );
    }
    if (trimmed.endsWith('/') || trimmed.endsWith(path.sep)) {
      throw new InputError(
        `FOCUS file path "${pattern}" names a directory; name its files, e.g. "${path.join(
          trimmed,
          '*.csv',
        )}"`,
      );
    }
    return new FocusFilePattern(
      pattern,
      directory,
      WILDCARD.test(name) ? toRegExp(name) : name,
    );
  }

  /**
   * The absolute paths of the files the pattern names, sorted. Throws InputError
   * when a plain path is not a file or a wildcard matches no file: an empty answer
   * would replace stored data with nothing.
   */
  async resolve(baseDir: string): Promise<string[]> {
    const directory = path.resolve(baseDir, this.directory);
    if (typeof this.name === 'string') {
      const file = path.join(directory, this.name);
      if (!(await isFile(file))) {
        throw new InputError(
          `FOCUS file "${this.pattern}" (${file}) does not exist or is not a file`,
        );
      }
      return [file];
    }
    let entries: string[];
    try {
      entries = await fs.readdir(directory);
    } catch (error) {
      throw new InputError(
        `Cannot list the directory of FOCUS file pattern "${
          this.pattern
        }" (${directory}): ${(error as Error).message}`,
      );
    }
    const pattern = this.name;
    const candidates = entries
      .filter(
        entry => !entry.startsWith('.') || pattern.source.startsWith('^\\.'),
      )
      .filter(entry => pattern.test(entry))
      .sort()
      .map(entry => path.join(directory, entry));
    const files: string[] = [];
    for (const candidate of candidates) {
      if (await isFile(candidate)) {
        files.push(candidate);
      }
    }
    if (files.length === 0) {
      throw new InputError(
        `FOCUS file pattern "${this.pattern}" matches no file in ${directory}`,
      );
    }
    return files;
  }
}
