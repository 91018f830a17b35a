import { toPgArrayLiteral } from './toPgArrayLiteral';

describe('toPgArrayLiteral', () => {
  it('quotes and escapes strings, keeps numbers and writes NULL', () => {
    expect(
      toPgArrayLiteral([
        'plain',
        'with "quotes", commas and \\ backslash',
        '',
        'NULL',
        null,
        undefined,
        12,
        -1.5,
        12345678901234567890n,
        true,
        new Date('2026-11-29T00:00:00Z'),
      ]),
    ).toBe(
      '{"plain","with \\"quotes\\", commas and \\\\ backslash","","NULL",NULL,NULL,12,-1.5,12345678901234567890,true,"2026-11-29T00:00:00.000Z"}',
    );
  });

  it('writes an empty array', () => {
    expect(toPgArrayLiteral([])).toBe('{}');
  });
});
