import { describeBody } from './describeBody';

describe('describeBody', () => {
  it('reads the message of the error bodies vendors write', () => {
    expect(describeBody('{"error":{"message":" Incorrect API key "}}')).toBe(
      'Incorrect API key',
    );
    expect(
      describeBody(
        '{"type":"error","error":{"type":"api_error","message":"Overloaded"}}',
      ),
    ).toBe('Overloaded');
    expect(
      describeBody(
        '{"error":{"message":"Authentication Error, Invalid proxy server token passed.","type":"auth_error","param":"None","code":"401"}}',
      ),
    ).toBe('Authentication Error, Invalid proxy server token passed.');
    expect(describeBody('{"error":"No db connected"}')).toBe('No db connected');
    expect(describeBody('{"detail":"Not Found"}')).toBe('Not Found');
    expect(describeBody('{"detail":{"error":"Please provide dates"}}')).toBe(
      'Please provide dates',
    );
  });

  it('answers an excerpt of anything else', () => {
    expect(describeBody('<html>\n <body>Bad gateway</body></html>')).toBe(
      '<html> <body>Bad gateway</body></html>',
    );
    expect(describeBody('{"detail":[{"loc":["query"]}]}')).toBe(
      '{"detail":[{"loc":["query"]}]}',
    );
    expect(describeBody(' \n')).toBe('empty body');
    expect(describeBody('x'.repeat(400))).toBe(`${'x'.repeat(300)}…`);
  });
});
