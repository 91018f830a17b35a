import { InputError } from '@backstage/errors';
import { listDayEvaluations } from './dayEvaluations';

const at = (text: string) => Date.parse(text);

describe('listDayEvaluations', () => {
  it('evaluates complete days at their end over one day', () => {
    expect(
      listDayEvaluations(
        { from: '2025-02-28', to: '2025-03-01' },
        at('2025-03-05T10:00:00Z'),
      ),
    ).toEqual([
      {
        day: '2025-02-28',
        time: at('2025-03-01T00:00:00Z') / 1000,
        range: '1d',
        complete: true,
      },
      {
        day: '2025-03-01',
        time: at('2025-03-02T00:00:00Z') / 1000,
        range: '1d',
        complete: true,
      },
    ]);
  });

  it('evaluates the current day up to now and leaves out days not begun', () => {
    expect(
      listDayEvaluations(
        { from: '2025-03-05', to: '2025-03-07' },
        at('2025-03-05T10:30:00.900Z'),
      ),
    ).toEqual([
      {
        day: '2025-03-05',
        time: at('2025-03-05T10:30:00Z') / 1000,
        range: '37800s',
        complete: false,
      },
    ]);
  });

  it('refuses malformed windows with an InputError naming the field', () => {
    expect(() =>
      listDayEvaluations({ from: '2025-02-30', to: '2025-03-01' }, 0),
    ).toThrow(InputError);
    expect(() =>
      listDayEvaluations({ from: '2025-02-30', to: '2025-03-01' }, 0),
    ).toThrow(/window\.from.*"2025-02-30"/);
    expect(() =>
      listDayEvaluations({ from: '2025-03-01', to: '3/2/25' }, 0),
    ).toThrow(/window\.to/);
    expect(() =>
      listDayEvaluations({ from: '2025-03-02', to: '2025-03-01' }, 0),
    ).toThrow(/after/);
  });
});
