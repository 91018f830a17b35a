import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import { EntityMeteringResponse } from '@tollgate/plugin-finops-common';
import { FinopsApi, finopsApiRef } from '../../api';
import { entityMetering, noMetering } from '../meteringTestData';
import { LiveMeteringCard } from './LiveMeteringCard';

const ref = { kind: 'Component', namespace: 'default', name: 'store-locator' };

function render(api: Partial<FinopsApi>, refreshMs?: number) {
  return renderInTestApp(
    <TestApiProvider apis={[[finopsApiRef, api]]}>
      <LiveMeteringCard entity={ref} refreshMs={refreshMs} />
    </TestApiProvider>,
  );
}

function rowsOf(table: HTMLElement) {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    );
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('LiveMeteringCard', () => {
  it('shows today, its splits, the open reservations and the spend-rate limit', async () => {
    const getEntityMetering = jest.fn(async () => entityMetering);
    await render({ getEntityMetering });
    expect(await screen.findByTestId('metering-total')).toHaveTextContent(
      '$12.34',
    );
    expect(screen.getByTestId('metering-events')).toHaveTextContent(
      'metered today in 42 events',
    );
    expect(screen.getByTestId('metering-reserved')).toHaveTextContent('$0.75');
    expect(screen.getByTestId('metering-reservations')).toHaveTextContent(
      'held by 2 open reservations',
    );
    expect(
      screen.getByText('Today, 2026-11-28 (UTC), as of 10:15:03 UTC', {
        exact: false,
      }),
    ).toBeInTheDocument();
    // The most spent first, whatever order the answer has.
    expect(
      rowsOf(screen.getByRole('table', { name: 'Today by model' })),
    ).toEqual([
      ['gpt-4o', '30', '$10.00', '81%'],
      ['claude-sonnet-4', '12', '$2.34', '19%'],
    ]);
    expect(
      rowsOf(screen.getByRole('table', { name: 'Today by agent' })),
    ).toEqual([
      ['locator-agent', '40', '$11.00', '89.1%'],
      ['(no agent)', '2', '$1.34', '10.9%'],
    ]);
    expect(
      rowsOf(screen.getByRole('table', { name: 'Open reservations' })),
    ).toEqual([
      ['$0.50', 'locator-agent', 'session-42', '2026-11-28 10:24 UTC'],
      ['$0.25', '–', '–', '2026-11-28 10:15 UTC'],
    ]);
    const limit = screen.getByTestId('spend-rate-limit');
    expect(limit).toHaveTextContent('Spend-rate limit 25.00 USD/hour');
    expect(within(limit).getByText('hard')).toBeInTheDocument();
    expect(screen.getByTestId('spend-rate-used')).toHaveTextContent(
      '$18.00 spent + $0.75 reserved in the trailing hour: 75%',
    );
    expect(
      screen.getByRole('meter', { name: '75% of the spend-rate limit' }),
    ).toHaveAttribute('aria-valuenow', '75');
    expect(screen.getByTestId('spend-rate-remaining')).toHaveTextContent(
      '$6.25 remaining; past the limit reservations are denied',
    );
    expect(screen.queryByTestId('metering-empty')).not.toBeInTheDocument();
    expect(getEntityMetering).toHaveBeenCalledWith(ref);
  });

  it('says when nothing was metered and how to report usage', async () => {
    await render({ getEntityMetering: async () => noMetering });
    const empty = await screen.findByTestId('metering-empty');
    expect(empty).toHaveTextContent(
      'Nothing metered today and no open reservations.',
    );
    expect(empty).toHaveTextContent('POST /api/finops/v1/usage');
    expect(empty).toHaveTextContent('@tollgate/finops-guardrail-client');
    expect(screen.queryByTestId('metering-total')).not.toBeInTheDocument();
    expect(screen.queryByTestId('spend-rate-limit')).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it("shows an advisory limit of the entity's team past its amount, with reservations but nothing metered", async () => {
    const reservedOnly: EntityMeteringResponse = {
      ...noMetering,
      reservations: {
        count: 1,
        total: '0.50',
        open: [entityMetering.reservations.open[0]],
      },
      spendRateLimit: {
        ...entityMetering.spendRateLimit!,
        scope: { team: 'commerce' },
        enforcement: 'advisory',
        spent: '26.00',
        reserved: '0.50',
        remaining: '0',
        utilization: 106,
      },
    };
    await render({ getEntityMetering: async () => reservedOnly });
    expect(await screen.findByTestId('metering-reserved')).toHaveTextContent(
      '$0.50',
    );
    expect(screen.getByTestId('metering-reservations')).toHaveTextContent(
      'held by 1 open reservation',
    );
    expect(screen.getByTestId('metering-events')).toHaveTextContent(
      'metered today in 0 events',
    );
    expect(
      screen.queryByRole('table', { name: 'Today by model' }),
    ).not.toBeInTheDocument();
    // the limit the entity is held to is its team's
    expect(screen.getByTestId('spend-rate-limit')).toHaveTextContent(
      'Spend-rate limit 25.00 USD/hour of team commerce',
    );
    expect(
      screen.getByRole('meter', { name: '106% of the spend-rate limit' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('spend-rate-remaining')).toHaveTextContent(
      '$0.00 remaining; past the limit reservations are warned (advisory)',
    );
  });

  it('shows the error when the backend refuses', async () => {
    await render({
      getEntityMetering: async () => {
        throw new Error('permission finops.cost.read is required');
      },
    });
    expect(
      (await screen.findAllByText(/permission finops.cost.read is required/))
        .length,
    ).toBeGreaterThan(0);
    expect(screen.queryByTestId('metering-total')).not.toBeInTheDocument();
  });

  it('refreshes itself, keeping the figures shown until the next answer', async () => {
    const next = deferred<EntityMeteringResponse>();
    const getEntityMetering = jest
      .fn()
      .mockResolvedValueOnce(noMetering)
      .mockResolvedValueOnce(entityMetering)
      .mockReturnValueOnce(next.promise)
      .mockReturnValue(new Promise(() => {}));
    await render({ getEntityMetering }, 1000);
    expect(await screen.findByTestId('metering-empty')).toBeInTheDocument();
    expect(getEntityMetering).toHaveBeenCalledTimes(1);
    // The next read replaces the empty state with what was metered since.
    expect(
      await screen.findByTestId('metering-total', {}, { timeout: 5000 }),
    ).toHaveTextContent('$12.34');
    expect(screen.queryByTestId('metering-empty')).not.toBeInTheDocument();
    // While the third read is under way, the figures stay and nothing loads.
    await waitFor(() => expect(getEntityMetering).toHaveBeenCalledTimes(3), {
      timeout: 5000,
    });
    expect(screen.getByTestId('metering-total')).toHaveTextContent('$12.34');
    expect(screen.queryByTestId('progress')).not.toBeInTheDocument();
    next.resolve({
      ...entityMetering,
      asOf: '2026-11-28T10:15:13.000Z',
      today: { ...entityMetering.today, total: '13.10', events: 43 },
    });
    await waitFor(() =>
      expect(screen.getByTestId('metering-total')).toHaveTextContent('$13.10'),
    );
    expect(screen.getByTestId('metering-events')).toHaveTextContent(
      'metered today in 43 events',
    );
    expect(
      screen.getByText('as of 10:15:13 UTC', { exact: false }),
    ).toBeInTheDocument();
  });

  it('keeps the last figures when a refresh fails, and says so', async () => {
    const getEntityMetering = jest
      .fn()
      .mockResolvedValueOnce(entityMetering)
      .mockRejectedValueOnce(new Error('backend unavailable'))
      .mockReturnValue(new Promise(() => {}));
    await render({ getEntityMetering }, 20);
    expect(
      await screen.findByText(
        'Could not refresh: backend unavailable. The figures are those of 10:15:03 UTC.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('metering-total')).toHaveTextContent('$12.34');
  });
});
