import { Request } from 'express';
import { describeSpecError } from './describeSpecError';

const req = (parts: Partial<Request>) =>
  ({ params: {}, query: {}, ...parts } as Request);

describe('describeSpecError', () => {
  it('names a query parameter and the value given', () => {
    expect(
      describeSpecError(
        'request/query/groupBy must be equal to one of the allowed values: team, costCenter',
        req({ query: { groupBy: 'x' } }),
      ),
    ).toBe(
      'Query parameter groupBy has invalid value "x": must be equal to one of the allowed values: team, costCenter',
    );
  });

  it('words each of several errors, keeping commas inside one', () => {
    expect(
      describeSpecError(
        'request/query/from must match format "date", request/query/level must be equal to one of the allowed values: advisory, enforced',
        req({ query: { from: 'a', level: ['b', 'c'] } }),
      ),
    ).toBe(
      'Query parameter from has invalid value "a": must match format "date"; Query parameter level was given more than once',
    );
  });

  it('names missing parameters and fields, path parameters and body fields', () => {
    expect(
      describeSpecError(
        "request/query must have required property 'entityRef'",
        req({}),
      ),
    ).toBe('Query parameter entityRef is required');
    expect(
      describeSpecError(
        "request/body/scope must have required property 'team'",
        req({ body: { scope: {} } }),
      ),
    ).toBe('Request body field scope.team is required');
    expect(
      describeSpecError(
        'request/body/events/1/tokens/input must be >= 0',
        req({ body: {} }),
      ),
    ).toBe('Request body field events.1.tokens.input must be >= 0');
    expect(
      describeSpecError(
        'request/params/id must NOT have more than 36 characters',
        req({ params: { id: 'x' } }),
      ),
    ).toBe(
      'Path parameter id has invalid value "x": must NOT have more than 36 characters',
    );
  });

  it('leaves other messages as they are', () => {
    expect(describeSpecError('Something else', req({}))).toBe('Something else');
  });
});
