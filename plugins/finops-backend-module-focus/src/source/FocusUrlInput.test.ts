import { mockServices } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { readAll } from '../__testUtils__/readAll';
import { FocusUrlInput } from './FocusUrlInput';

const SIGNED =
  'https://bucket.s3.eu-west-1.amazonaws.com/exports/focus.csv?X-Amz-Signature=secret';

describe('FocusUrlInput', () => {
  it('reads through the URL reader, which gets the whole signed URL and the signal', async () => {
    const urlReader = mockServices.urlReader.mock({
      readUrl: async () => ({ buffer: async () => Buffer.from('a,b\n1,2\n') }),
    });
    const input = FocusUrlInput.parse(SIGNED, urlReader);
    const signal = new AbortController().signal;
    expect(input.name).toBe(
      'https://bucket.s3.eu-west-1.amazonaws.com/exports/focus.csv',
    );
    expect(await readAll(await input.open(signal), 3)).toBe('a,b\n1,2\n');
    expect(urlReader.readUrl).toHaveBeenCalledWith(SIGNED, { signal });
  });

  it("names the URL without its query, keeping the reader's error type", async () => {
    const urlReader = mockServices.urlReader.mock({
      readUrl: async url => {
        throw new NotFoundError(`could not read ${url}, 404 Not Found`);
      },
    });
    const failure = FocusUrlInput.parse(SIGNED, urlReader).open(
      new AbortController().signal,
    );
    await expect(failure).rejects.toMatchObject({
      name: 'NotFoundError',
      message:
        'Fetching FOCUS export https://bucket.s3.eu-west-1.amazonaws.com/exports/focus.csv failed; caused by NotFoundError: could not read https://bucket.s3.eu-west-1.amazonaws.com/exports/focus.csv, 404 Not Found',
    });
  });

  it('fails with the abort reason once the signal aborts', async () => {
    const controller = new AbortController();
    const urlReader = mockServices.urlReader.mock({
      readUrl: async () => {
        controller.abort();
        throw new Error('Unable to read, AbortError');
      },
    });
    await expect(
      FocusUrlInput.parse(SIGNED, urlReader).open(controller.signal),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});
