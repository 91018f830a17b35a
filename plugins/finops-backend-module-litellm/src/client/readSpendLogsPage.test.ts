import { parseJsonKeepingNumberText } from '@tollgate/plugin-finops-node';
import { readSpendLogsPage } from './readSpendLogsPage';

const page = (text: string) =>
  readSpendLogsPage(parseJsonKeepingNumberText(text));

describe('readSpendLogsPage', () => {
  it('answers the rows and the page count', () => {
    expect(
      page(
        '{"data":[{"request_id":"a","spend":0.1}],"total":1,"page":1,"page_size":100,"total_pages":1}',
      ),
    ).toEqual({ rows: [{ request_id: 'a', spend: '0.1' }], totalPages: 1 });
    expect(page('{"data":[],"total":0,"total_pages":0}')).toEqual({
      rows: [],
      totalPages: 0,
    });
  });

  it('says what makes a page unusable', () => {
    expect(page('[{"request_id":"a"}]')).toBe(
      'the body is [{"request_id":"a"}], expected a page with a data array',
    );
    expect(page('{"data":[{"request_id":"a"},"b"],"total_pages":1}')).toBe(
      'data[1] is "b", expected a spend log object',
    );
    expect(page('{"data":[]}')).toBe(
      'total_pages is undefined, expected a whole number',
    );
    expect(page('{"data":[],"total_pages":1.5}')).toBe(
      'total_pages is "1.5", expected a whole number',
    );
  });
});
