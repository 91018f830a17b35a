import {
  SWAGGER_EXAMPLE,
  WEBSITE_EXAMPLE,
  readFixture,
} from '../__testUtils__/fixtures';
import { parseAllocationResponse } from './parseAllocationResponse';

describe('parseAllocationResponse', () => {
  it.each([WEBSITE_EXAMPLE, SWAGGER_EXAMPLE])('reads the recorded %s', file => {
    const recorded = readFixture(file);
    const parsed = parseAllocationResponse(recorded);
    if (!parsed.ok) {
      throw new Error(JSON.stringify(parsed.problem));
    }
    expect(parsed.sets).toHaveLength(recorded.data.length);
    const names = parsed.sets[0].map(a => a.name);
    expect(names).toEqual(Object.keys(recorded.data[0]).sort());
    const opencost = parsed.sets[0].find(a => a.name === 'opencost')!;
    expect(opencost.values.totalCost).toBe(recorded.data[0].opencost.totalCost);
    expect(opencost.cluster).toBe(recorded.data[0].opencost.properties.cluster);
    expect(opencost).toMatchObject({
      namespace: 'opencost',
      controller: 'opencost',
      controllerKind: 'deployment',
    });
  });

  it('reads labels and leaves null numbers out', () => {
    const parsed = parseAllocationResponse({
      code: 200,
      data: [
        {
          a: {
            properties: { labels: { app: 'a', n: 3 } },
            cpuCost: null,
            totalCost: 1,
          },
        },
        null,
      ],
    });
    expect(parsed).toEqual({
      ok: true,
      sets: [
        [
          {
            name: 'a',
            cluster: undefined,
            labels: { app: 'a' },
            values: { totalCost: 1 },
          },
        ],
        [],
      ],
    });
  });

  it('reports a code other than 200 with its message', () => {
    expect(
      parseAllocationResponse({ code: 500, message: 'Error: boundary' }),
    ).toEqual({
      ok: false,
      problem: { kind: 'code', code: 500, message: 'Error: boundary' },
    });
  });

  it.each([
    [[], 'the body is [], expected a JSON object'],
    [{ code: 200 }, 'data is undefined, expected an array of sets'],
    [{ code: 200, data: [1] }, 'data[0] is 1, expected a map of allocations'],
    [
      { code: 200, data: [{ a: 'x' }] },
      'data[0]["a"] is "x", expected an allocation object',
    ],
    [
      { code: 200, data: [{ a: { totalCost: '1.5' } }] },
      'data[0]["a"].totalCost is "1.5", expected a number',
    ],
    [
      { code: 200, data: [{ a: { cpuCost: 1 } }] },
      'data[0]["a"] has no totalCost',
    ],
  ])('names what is malformed in %j', (body, message) => {
    expect(parseAllocationResponse(body)).toEqual({
      ok: false,
      problem: { kind: 'malformed', message },
    });
  });
});
