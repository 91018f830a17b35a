import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen } from '@testing-library/react';
import { FinopsApi, finopsApiRef } from '../../api';
import { leaderboard } from '../scorecardTestData';
import {
  ScorecardLeaderboardCard,
  rankLeaderboard,
} from './ScorecardLeaderboardCard';

function keysOfRows() {
  return screen
    .getAllByRole('row')
    .slice(1)
    .map(r => r.querySelectorAll('td')[1].textContent);
}

describe('ScorecardLeaderboardCard', () => {
  it('ranks teams by score with their grade, and rows without a score last', async () => {
    const getScorecardLeaderboard = jest.fn(async (groupBy: any) =>
      leaderboard(groupBy),
    );
    const api: Partial<FinopsApi> = { getScorecardLeaderboard };
    await renderInTestApp(
      <TestApiProvider apis={[[finopsApiRef, api]]}>
        <ScorecardLeaderboardCard />
      </TestApiProvider>,
    );
    expect(await screen.findByText('team-best')).toBeInTheDocument();
    expect(keysOfRows()).toEqual([
      'team-best',
      'team-middle',
      'team-worst',
      '(unlabelled)',
    ]);
    const best = screen.getByText('team-best').closest('tr')!;
    expect(best).toHaveTextContent('1team-bestA93.5959293.55');
    const middle = screen.getByText('team-middle').closest('tr')!;
    expect(middle).toHaveTextContent('62.4');
    expect(middle).toHaveTextContent('not applicable');
    expect(screen.getByText('As of 2026-11-28')).toBeInTheDocument();
    expect(getScorecardLeaderboard).toHaveBeenCalledWith('team');

    fireEvent.click(screen.getByRole('button', { name: 'Cost center' }));
    expect(await screen.findByText('cc-best')).toBeInTheDocument();
    expect(getScorecardLeaderboard).toHaveBeenLastCalledWith('costCenter');
    expect(keysOfRows()[0]).toBe('cc-best');
  });

  it('says when no entity has a scorecard', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            finopsApiRef,
            {
              getScorecardLeaderboard: async () => ({
                groupBy: 'team' as const,
                day: null,
                items: [],
              }),
            },
          ],
        ]}
      >
        <ScorecardLeaderboardCard />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('No entity has a scorecard yet.'),
    ).toBeInTheDocument();
  });

  it('orders by score, ties by key', () => {
    const items = leaderboard('team').items;
    expect(
      rankLeaderboard([...items, { ...items[0], key: 'team-a' }]).map(
        i => i.key,
      ),
    ).toEqual([
      'team-best',
      'team-a',
      'team-middle',
      'team-worst',
      '(unlabelled)',
    ]);
  });
});
