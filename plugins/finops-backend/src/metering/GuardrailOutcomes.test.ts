import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { BudgetService } from '../budgets/BudgetService';
import { SpendRateAlerts } from '../alerts/SpendRateAlerts';
import { DatabaseDenialStore } from './DatabaseDenialStore';
import { GuardrailOutcomes } from './GuardrailOutcomes';
import { ReservationAnswer } from './reservationVerdict';

const entityRef = 'component:default/summarizer';
const entity = {
  entityRef,
  ownScope: { entityRef },
  spendRefs: [entityRef],
};

function answer(decision: ReservationAnswer['decision']): ReservationAnswer {
  return {
    decision,
    entityRef,
    estimatedCost: '3.00',
    currency: 'USD',
    reason: `Denied: ${entityRef} has 1.00 USD left of its hard budget`,
    snapshotAt: '2026-05-01T00:00:00.000Z',
  };
}

function outcomes() {
  const auditor = mockServices.auditor.mock();
  const denials = { record: jest.fn() };
  const guardrailOutcomes = new GuardrailOutcomes({
    denials: denials as unknown as DatabaseDenialStore,
    spendRateAlerts: {} as SpendRateAlerts,
    budgets: {} as BudgetService,
    auditor,
  });
  return { auditor, denials, guardrailOutcomes };
}

describe('GuardrailOutcomes', () => {
  it('audits a denial with the user and the service acting for them', async () => {
    const { auditor, denials, guardrailOutcomes } = outcomes();
    await guardrailOutcomes.record(answer('deny'), {
      via: 'reservation',
      entity,
      estimateMicros: 3_000_000n,
      agentId: 'triage-agent',
      credentials: mockCredentials.user('user:default/alice', {
        actor: { subject: 'plugin:mcp-actions' },
      }),
      now: new Date(),
    });
    expect(denials.record).toHaveBeenCalledTimes(1);
    expect(auditor.createEvent).toHaveBeenCalledWith({
      eventId: 'guardrail-denial',
      severityLevel: 'medium',
      meta: {
        queryType: 'reservation',
        entityRef,
        estimatedCost: '3.00',
        currency: 'USD',
        principal: 'user:default/alice',
        viaService: 'plugin:mcp-actions',
        agentId: 'triage-agent',
      },
    });
    const event = await auditor.createEvent.mock.results[0].value;
    expect(event.fail).toHaveBeenCalledWith({
      error: new NotAllowedError(answer('deny').reason),
    });
    expect(event.fail.mock.calls[0][0].error).toBeInstanceOf(NotAllowedError);
  });

  it('audits a denial without credentials, and nothing that is allowed or warned', async () => {
    const { auditor, guardrailOutcomes } = outcomes();
    for (const decision of ['allow', 'warn'] as const) {
      await guardrailOutcomes.record(answer(decision), {
        via: 'check',
        entity,
        estimateMicros: 3_000_000n,
        credentials: mockCredentials.service('demo-gateway'),
        now: new Date(),
      });
    }
    expect(auditor.createEvent).not.toHaveBeenCalled();
    await guardrailOutcomes.record(answer('deny'), {
      via: 'check',
      entity,
      estimateMicros: 3_000_000n,
      now: new Date(),
    });
    expect(auditor.createEvent.mock.calls[0][0].meta).toEqual({
      queryType: 'check',
      entityRef,
      estimatedCost: '3.00',
      currency: 'USD',
    });
  });
});
