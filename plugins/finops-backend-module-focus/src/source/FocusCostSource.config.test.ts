import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { FocusCostSource } from './FocusCostSource';

describe('FocusCostSource configuration', () => {
  it('reads an entry of tollgate.sources.focus', () => {
    const source = FocusCostSource.fromConfig(
      new ConfigReader({
        id: 'llm-invoices',
        paths: ['./examples/focus/*.csv'],
        urls: ['https://billing.example.com/focus.csv'],
        entityTagKey: 'backstage-entity',
        invalidRows: 'skip',
        currency: 'USD',
        schedule: { frequency: { hours: 6 }, timeout: { minutes: 20 } },
        lookbackDays: 7,
      }),
      { urlReader: mockServices.urlReader.mock() },
    );
    expect(source.id).toBe('focus:llm-invoices');
    expect(source.type).toBe('focus');
    expect(source.schedule).toMatchObject({
      frequency: { hours: 6 },
      timeout: { minutes: 20 },
      lookbackDays: 7,
    });
  });

  it.each([
    [{ id: 'x' }, 'FOCUS source "x" needs at least one of paths or urls'],
    [{ id: ' ', paths: ['a.csv'] }, 'FOCUS source id must not be empty'],
    [
      { id: 'x', paths: ['a.csv'], invalidRows: 'ignore' },
      'FOCUS source "x" has invalidRows "ignore"; expected reject or skip',
    ],
    [
      { id: 'x', paths: ['a.csv'], currency: 'usd' },
      'FOCUS source "x" has currency "usd"; expected an ISO 4217 code such as USD',
    ],
    [
      { id: 'x', urls: ['ftp://host/a.csv'] },
      'FOCUS export URL ftp://host/a.csv must use http or https, not ftp:',
    ],
    [
      { id: 'x', urls: ['not a url'] },
      'FOCUS export URL "not a url" is not a valid URL',
    ],
    [
      { id: 'x', paths: ['*/a.csv'] },
      'FOCUS file path "*/a.csv" has a wildcard outside its last segment; only the file name may hold * and ?',
    ],
  ])('rejects %j', (data, message) => {
    expect(() =>
      FocusCostSource.fromConfig(new ConfigReader(data), {
        urlReader: mockServices.urlReader.mock(),
      }),
    ).toThrow(message);
  });

  it('rejects urls without a URL reader to read them', () => {
    expect(() =>
      FocusCostSource.fromConfig(
        new ConfigReader({ id: 'x', urls: ['https://host/a.csv'] }),
      ),
    ).toThrow('FOCUS source "x" has urls but no urlReader to read them');
  });
});
