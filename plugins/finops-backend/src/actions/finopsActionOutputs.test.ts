import {
  SUMMARIZER,
  EARLIER,
  LATER,
  startBackend,
} from './__testUtils__/startActionsBackend';

jest.setTimeout(60_000);

describe('finops actions', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  beforeAll(async () => {
    backend = await startBackend();
  });
  afterAll(() => backend?.stop());

  it('answers an entity cost and the summary as the REST routes do', async () => {
    const { invoke, rest } = backend;
    const window = `from=${LATER.from}&to=${LATER.to}`;
    const cost = await invoke('get-entity-cost', {
      entityRef: SUMMARIZER,
      ...LATER,
      groupBy: 'model',
    }).expect(200);
    expect(cost.body.output).toEqual(
      await rest(
        `/v1/entities/component/default/summarizer/cost?${window}&groupBy=model`,
      ),
    );
    expect(cost.body.output.total).toBe('28.00');

    const summary = await invoke('get-cost-summary', {
      ...LATER,
      groupBy: 'entity',
      top: 1,
    }).expect(200);
    const { daily: _daily, ...restSummary } = await rest(
      `/v1/summary?${window}&groupBy=entity`,
    );
    expect(summary.body.output).toMatchObject(restSummary);
    expect(summary.body.output.topSpenders).toEqual([
      { key: SUMMARIZER, cost: '28.00', previousCost: '7.00' },
    ]);
    expect(summary.body.output.movers).toEqual([
      { key: SUMMARIZER, cost: '28.00', previousCost: '7.00', change: '21.00' },
    ]);
  });

  it('explains a change by the dimension and key that moved most', async () => {
    const { body } = await backend
      .invoke('explain-cost-change', { entityRef: SUMMARIZER, ...LATER })
      .expect(200);
    expect(body.output).toMatchObject({
      previousPeriod: EARLIER,
      total: '28.00',
      previousTotal: '7.00',
      change: '21.00',
      movedMost: {
        dimension: 'model',
        key: 'claude-sonnet-4',
        cost: '21.00',
        previousCost: '0.00',
        change: '21.00',
      },
    });
    expect(body.output.summary).toBe(
      'Spend rose by 21.00 USD; model "claude-sonnet-4" moved most, from 0.00 to 21.00 USD (+21.00).',
    );
    const tokenTypes = body.output.dimensions.find(
      (d: any) => d.dimension === 'tokenType',
    );
    expect(tokenTypes.changes[0]).toEqual({
      key: 'input',
      cost: '21.00',
      previousCost: '0.00',
      change: '21.00',
    });
  });

  it('answers budget status, alerts and the scorecard as the REST routes do', async () => {
    const { invoke, rest } = backend;
    const entityBudget = await rest(
      '/v1/entities/component/default/summarizer/budget',
    );
    const status = await invoke('get-budget-status', {
      entityRef: SUMMARIZER,
    }).expect(200);
    expect(status.body.output.budgets).toEqual([
      entityBudget.own,
      ...entityBudget.inherited,
    ]);
    const team = await invoke('get-budget-status', { team: 'ml' }).expect(200);
    expect(team.body.output.budgets).toEqual([
      await rest('/v1/teams/ml/budget'),
    ]);
    const missing = await invoke('get-budget-status', {
      costCenter: 'cc-none',
    }).expect(404);
    expect(missing.body.error.message).toBe(
      'No budget for cost center cc-none',
    );

    const alerts = await invoke('list-open-alerts', {}).expect(200);
    expect(alerts.body.output).toEqual(await rest('/v1/alerts?status=open'));
    const scorecard = await invoke('get-entity-scorecard', {
      entityRef: SUMMARIZER,
    }).expect(200);
    expect(scorecard.body.output).toEqual(
      await rest('/v1/entities/component/default/summarizer/scorecard'),
    );
  });

  it('checks, reserves, commits and releases, and a session is denied at its cap', async () => {
    const { invoke, rest } = backend;
    const check = await invoke('check-guardrail', {
      entityRef: SUMMARIZER,
      estimatedCost: '1.50',
    }).expect(200);
    const { snapshotAt: _at, ...restCheck } = await rest(
      `/v1/guardrails/check?entityRef=${SUMMARIZER}&estimatedCost=1.50`,
    );
    expect(check.body.output).toMatchObject(restCheck);

    const session = { agentId: 'triage-agent', sessionId: `s-${Date.now()}` };
    const capped = { ...session, maxSessionCost: '1.00' };
    const first = await invoke('reserve-budget', {
      entityRef: SUMMARIZER,
      estimatedCost: '0.60',
      ...capped,
    }).expect(200);
    expect(first.body.output).toMatchObject({
      decision: expect.stringMatching(/allow|warn/),
      session: { id: session.sessionId, cap: '1.00', remaining: '1.00' },
    });
    const over = await invoke('reserve-budget', {
      entityRef: SUMMARIZER,
      estimatedCost: '0.60',
      ...capped,
    }).expect(200);
    expect(over.body.output.decision).toBe('deny');
    expect(over.body.output.reservationId).toBeUndefined();
    expect(over.body.output.reason).toContain(session.sessionId);

    const id = first.body.output.reservationId;
    const committed = await invoke('commit-reservation', {
      reservationId: id,
      usage: { cost: { amount: '0.55', currency: 'USD' } },
    }).expect(200);
    expect(committed.body.output).toMatchObject({
      id,
      status: 'committed',
      committed: '0.55',
    });
    await invoke('commit-reservation', {
      reservationId: id,
      usage: { cost: { amount: '0.55', currency: 'USD' } },
    }).expect(200);

    const other = await invoke('reserve-budget', {
      entityRef: SUMMARIZER,
      estimatedCost: '0.10',
    }).expect(200);
    const released = await invoke('release-reservation', {
      reservationId: other.body.output.reservationId,
    }).expect(200);
    expect(released.body.output).toMatchObject({ status: 'released' });
    const releasedTwice = await invoke('release-reservation', {
      reservationId: other.body.output.reservationId,
    }).expect(200);
    expect(releasedTwice.body.output).toEqual(released.body.output);
    const refused = await invoke('release-reservation', {
      reservationId: id,
    }).expect(409);
    expect(refused.body.error.message).toContain('is committed already');
  });
});
