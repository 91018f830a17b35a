import { createMockDirectory } from '@backstage/backend-test-utils';
import path from 'node:path';
import { FocusFilePattern } from './FocusFilePattern';

describe('FocusFilePattern', () => {
  const dir = createMockDirectory({
    content: {
      'exports/2024-09.csv': 'a',
      'exports/2024-10.csv': 'b',
      'exports/2024-10.csv.bak': 'c',
      'exports/.hidden.csv': 'd',
      'exports/a(1).csv': 'e',
      'exports/sub.csv/inner.csv': 'f',
    },
  });
  const at = (name: string) => path.join(dir.path, 'exports', name);

  it('matches * and ? in the last segment, sorted, files only', async () => {
    await expect(
      FocusFilePattern.parse('exports/*.csv').resolve(dir.path),
    ).resolves.toEqual([at('2024-09.csv'), at('2024-10.csv'), at('a(1).csv')]);
    await expect(
      FocusFilePattern.parse('./exports/2024-?0.csv').resolve(dir.path),
    ).resolves.toEqual([at('2024-10.csv')]);
    await expect(
      FocusFilePattern.parse('exports/a(1).*').resolve(dir.path),
    ).resolves.toEqual([at('a(1).csv')]);
  });

  it('matches hidden files only with a leading dot', async () => {
    await expect(
      FocusFilePattern.parse('exports/.*.csv').resolve(dir.path),
    ).resolves.toEqual([at('.hidden.csv')]);
  });

  it('resolves a plain path, and absolute paths', async () => {
    await expect(
      FocusFilePattern.parse('exports/2024-09.csv').resolve(dir.path),
    ).resolves.toEqual([at('2024-09.csv')]);
    await expect(
      FocusFilePattern.parse(at('2024-10.csv')).resolve('/elsewhere'),
    ).resolves.toEqual([at('2024-10.csv')]);
  });

  it('fails when nothing matches, so that stored data is not replaced by nothing', async () => {
    await expect(
      FocusFilePattern.parse('exports/*.parquet').resolve(dir.path),
    ).rejects.toThrow(
      /^FOCUS file pattern "exports\/\*.parquet" matches no file in /,
    );
    await expect(
      FocusFilePattern.parse('exports/none.csv').resolve(dir.path),
    ).rejects.toThrow(
      /^FOCUS file "exports\/none.csv" \(.*\) does not exist or is not a file$/,
    );
    await expect(
      FocusFilePattern.parse('missing/*.csv').resolve(dir.path),
    ).rejects.toThrow(
      /^Cannot list the directory of FOCUS file pattern "missing\/\*.csv"/,
    );
    await expect(
      FocusFilePattern.parse('exports/sub.csv').resolve(dir.path),
    ).rejects.toThrow(/is not a file/);
  });

  it('rejects wildcards outside the last segment and directories', () => {
    expect(() => FocusFilePattern.parse('exports/*/a.csv')).toThrow(
      'FOCUS file path "exports/*/a.csv" has a wildcard outside its last segment; only the file name may hold * and ?',
    );
    expect(() => FocusFilePattern.parse('exports/')).toThrow(
      /names a directory/,
    );
    expect(() => FocusFilePattern.parse(' ')).toThrow(
      'FOCUS file path must not be empty',
    );
  });
});
