import { parseJsonKeepingNumberText } from './parseJsonKeepingNumberText';

describe('parseJsonKeepingNumberText', () => {
  it('keeps each number as it was written', () => {
    expect(
      parseJsonKeepingNumberText(
        '{"value":0.12345678901234567891,"tokens":[9007199254740993,1e3],"s":"0.1","n":null,"b":true}',
      ),
    ).toEqual({
      value: '0.12345678901234567891',
      tokens: ['9007199254740993', '1e3'],
      s: '0.1',
      n: null,
      b: true,
    });
  });

  it('throws on text that is not JSON', () => {
    expect(() => parseJsonKeepingNumberText('{')).toThrow(SyntaxError);
  });
});
