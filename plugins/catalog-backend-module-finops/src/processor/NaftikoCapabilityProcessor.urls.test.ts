import { NotFoundError, NotModifiedError } from '@backstage/errors';
import fs from 'node:fs';
import path from 'node:path';
import { memoryCache } from './__testUtils__/memoryCache';
import { FIXTURES, read, reader } from './__testUtils__/naftikoProcessor';

describe('NaftikoCapabilityProcessor', () => {
  beforeEach(() => jest.resetAllMocks());

  describe('on URLs', () => {
    const url = 'https://github.com/acme/caps/blob/main/triage.yml';
    const source = fs.readFileSync(
      path.join(FIXTURES, 'tollgate-support-triage.yml'),
    );

    it('reads through the URL reader and re-emits cached entities when not modified', async () => {
      const cache = memoryCache();
      reader.readUrl.mockResolvedValueOnce({
        buffer: async () => source,
        etag: 'e1',
      });
      const first = await read(url, { cache });
      expect(reader.readUrl).toHaveBeenCalledWith(url, { etag: undefined });
      expect(first.entities.map(e => e.metadata.name)).toContain(
        'support-triage',
      );
      expect(first.results).toContainEqual({
        type: 'refresh',
        key: `url:${url}`,
      });

      reader.readUrl.mockRejectedValueOnce(new NotModifiedError());
      const second = await read(url, { cache });
      expect(reader.readUrl).toHaveBeenLastCalledWith(url, { etag: 'e1' });
      expect(second.errors).toEqual([]);
      expect(second.entities).toEqual(first.entities);
    });

    it('reports a missing URL unless optional, and other failures as general errors', async () => {
      reader.readUrl.mockRejectedValue(new NotFoundError('404'));
      expect((await read(url)).errors).toEqual([
        expect.objectContaining({
          name: 'NotFoundError',
          message: `Naftiko capability spec ${url} was not found: 404`,
        }),
      ]);
      expect((await read(url, { optional: true })).errors).toEqual([]);

      reader.readUrl.mockRejectedValue(new Error('socket hang up'));
      expect((await read(url)).errors).toEqual([
        expect.objectContaining({
          message: `Naftiko capability spec ${url} could not be read: socket hang up`,
        }),
      ]);
    });
  });
});
