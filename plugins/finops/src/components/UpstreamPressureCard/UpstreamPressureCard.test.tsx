import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { UpstreamPressureResponse } from '@tollgate/plugin-finops-common';
import { FinopsApi, finopsApiRef } from '../../api';
import { UpstreamPressureCard } from './UpstreamPressureCard';

const ref = { kind: 'API', namespace: 'default', name: 'openai-api' };

const pressure: UpstreamPressureResponse = {
  entityRef: 'api:default/openai-api',
  from: '2026-10-30',
  to: '2026-11-28',
  consumers: [
    {
      entityRef: 'component:default/support-summarizer',
      calls: 12000,
      throttled: 1500,
      timeouts: 30,
      errors: 12,
      throttledShare: 0.125,
    },
    {
      entityRef: 'component:default/ticket-triage',
      calls: 800,
      throttled: 0,
      timeouts: 0,
      errors: 0,
      throttledShare: 0,
    },
    {
      entityRef: 'component:default/idle',
      calls: 0,
      throttled: 0,
      timeouts: 0,
      errors: 0,
      throttledShare: null,
    },
  ],
  total: {
    entityRef: 'api:default/openai-api',
    calls: 12800,
    throttled: 1500,
    timeouts: 30,
    errors: 12,
    throttledShare: 1500 / 12800,
  },
};

function render(api: Partial<FinopsApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[finopsApiRef, api]]}>
      <UpstreamPressureCard entity={ref} days={30} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('UpstreamPressureCard', () => {
  it("shows each consumer's calls, throttled share, timeouts and errors, and the total", async () => {
    const getEntityUpstream = jest.fn(async () => pressure);
    await render({ getEntityUpstream });
    const table = await screen.findByRole('table', {
      name: 'Calls by consumer',
    });
    const rows = within(table)
      .getAllByRole('row')
      .map(row => row.textContent);
    expect(rows).toEqual([
      'ConsumerCallsThrottled (429, 503)TimeoutsErrors',
      'support-summarizer12,00012.5% (1,500)3012',
      'ticket-triage8000% (0)00',
      'idle0–00',
      'Total12,80011.7% (1,500)3012',
    ]);
    expect(screen.getByText('2026-10-30 to 2026-11-28')).toBeInTheDocument();
    expect(getEntityUpstream).toHaveBeenCalledWith(
      ref,
      expect.objectContaining({ from: expect.any(String) }),
    );
  });

  it('says where the calls come from when there are none', async () => {
    await render({
      getEntityUpstream: async () => ({
        ...pressure,
        consumers: [],
        total: {
          ...pressure.total,
          calls: 0,
          throttled: 0,
          timeouts: 0,
          errors: 0,
          throttledShare: null,
        },
      }),
    });
    const empty = await screen.findByTestId('upstream-empty');
    expect(empty).toHaveTextContent('No component consumes this API');
    expect(empty).toHaveTextContent(
      'OpenTelemetry HTTP client metrics of the components that consume this API',
    );
    expect(empty).toHaveTextContent('Prometheus source');
  });

  it('shows the error when the backend refuses', async () => {
    await render({
      getEntityUpstream: async () => {
        throw new Error('Upstream pressure is reported for API entities');
      },
    });
    expect(
      (await screen.findAllByText(/reported for API entities/)).length,
    ).toBeGreaterThan(0);
  });
});
