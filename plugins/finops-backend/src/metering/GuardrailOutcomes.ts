import { AuditorService } from '@backstage/backend-plugin-api';
import { BudgetService } from '../budgets/BudgetService';
import { BudgetedEntity } from '../budgets/BudgetSnapshot';
import { SpendRateAlerts } from '../alerts/SpendRateAlerts';
import { DatabaseDenialStore } from './DatabaseDenialStore';
import { ReservationAnswer } from './reservationVerdict';
import { ScopedRateLimit } from './spendRateLimits';

/**
 * What follows a guardrail answer, a check's or a reservation's: a denial is recorded,
 * and a spend-rate limit the call would pass raises its alert, once per window.
 */
export class GuardrailOutcomes {
  constructor(
    private readonly options: {
      denials: DatabaseDenialStore;
      spendRateAlerts: SpendRateAlerts;
      budgets: BudgetService;
      /** Records each denial with who asked. */
      auditor?: AuditorService;
    },
  ) {}

  async record(
    answer: ReservationAnswer,
    context: {
      via: 'check' | 'reservation';
      entity: BudgetedEntity;
      /** The spend-rate limit the call would pass, if any. */
      ratePassed?: ScopedRateLimit;
      estimateMicros: bigint;
      agentId?: string;
      sessionId?: string;
      now: Date;
    },
  ): Promise<void> {
    const { denials, spendRateAlerts } = this.options;
    const { entity, ratePassed, now } = context;
    if (answer.decision === 'deny') {
      denials.record({
        entityRef: entity.entityRef,
        via: context.via,
        estimateMicros: context.estimateMicros,
        currency: answer.currency,
        reason: answer.reason,
        agentId: context.agentId,
        sessionId: context.sessionId,
        at: now,
      });
    }
    if (ratePassed && answer.spendRateLimit) {
      await spendRateAlerts.passed({
        scope: ratePassed.scope,
        windowMs: ratePassed.windowMs,
        status: answer.spendRateLimit,
        decision: answer.decision === 'deny' ? 'deny' : 'warn',
        snapshot: this.options.budgets.current(),
        now,
      });
    }
  }
}
