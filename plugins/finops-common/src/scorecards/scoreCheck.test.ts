import { scoreCheck } from './scoreCheck';
import { ScorecardThresholds } from './types';

const lowerBetter: ScorecardThresholds = {
  type: 'number',
  direction: 'lower-better',
  pass: 0.01,
  warn: 0.05,
  fail: 0.1,
};
const higherBetter: ScorecardThresholds = {
  type: 'number',
  direction: 'higher-better',
  pass: 0.6,
  warn: 0.3,
  fail: 0.1,
};

describe('scoreCheck', () => {
  it.each([
    [0, 'pass', 100],
    [0.01, 'pass', 100],
    [0.03, 'warn', 75],
    [0.05, 'warn', 50],
    [0.075, 'fail', 25],
    [0.1, 'fail', 0],
    [0.5, 'fail', 0],
  ])('lower-better %p is %p with %p', (value, status, score) => {
    expect(scoreCheck(value, lowerBetter)).toEqual({ status, score });
  });

  it.each([
    [0.9, 'pass', 100],
    [0.45, 'warn', 75],
    [0.3, 'warn', 50],
    [0.2, 'fail', 25],
    [0.1, 'fail', 0],
  ])('higher-better %p is %p with %p', (value, status, score) => {
    expect(scoreCheck(value, higherBetter)).toEqual({ status, score });
  });

  it('scores booleans against the expected value', () => {
    const expectTrue: ScorecardThresholds = { type: 'boolean', expected: true };
    expect(scoreCheck(true, expectTrue)).toEqual({
      status: 'pass',
      score: 100,
    });
    expect(scoreCheck(false, expectTrue)).toEqual({ status: 'fail', score: 0 });
    expect(scoreCheck(false, { type: 'boolean', expected: false })).toEqual({
      status: 'pass',
      score: 100,
    });
  });

  it('never passes missing data or values of the wrong type', () => {
    const na = { status: 'notApplicable', score: null };
    expect(scoreCheck(undefined, lowerBetter)).toEqual(na);
    expect(scoreCheck(NaN, lowerBetter)).toEqual(na);
    expect(scoreCheck(true, lowerBetter)).toEqual(na);
    expect(scoreCheck(undefined, { type: 'boolean', expected: true })).toEqual(
      na,
    );
    expect(scoreCheck(1, { type: 'boolean', expected: true })).toEqual(na);
  });
});
