import {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import { formatMicros } from '@tollgate/plugin-finops-common';
import { BudgetService } from '../budgets/BudgetService';
import { CostedEntity } from '../entities/CostedEntity';
import { SpendRateAlerts } from '../alerts/SpendRateAlerts';
import { DatabaseDenialStore } from './DatabaseDenialStore';
import { ReservationAnswer } from './reservationVerdict';
import { ScopedRateLimit } from './spendRateLimits';

/** A guardrail check's estimate, and who asks. */
export type GuardrailCall = {
  estimateMicros: bigint;
  currency: string;
  /** The caller's credentials, which the audit record of a denial names. */
  credentials?: BackstageCredentials;
};

/**
 * What follows a guardrail answer, a check's or a reservation's: a denial is recorded
 * and audited with who asked, and a spend-rate limit the call would pass raises its
 * alert, once per window.
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
      entity: CostedEntity;
      /** The spend-rate limit the call would pass, if any. */
      ratePassed?: ScopedRateLimit;
      estimateMicros: bigint;
      agentId?: string;
      sessionId?: string;
      credentials?: BackstageCredentials;
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
      await this.audit(answer, context);
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

  /**
   * A denial as an audit event that failed with the reason. A check or reservation
   * carries credentials but no request (an action calls it too), so the caller is
   * named in the event's meta: the auditor's own actor is this plugin.
   */
  private async audit(
    answer: ReservationAnswer,
    context: Parameters<GuardrailOutcomes['record']>[1],
  ): Promise<void> {
    const { auditor } = this.options;
    if (!auditor) {
      return;
    }
    const meta: JsonObject = {
      queryType: context.via,
      entityRef: context.entity.entityRef,
      estimatedCost: formatMicros(context.estimateMicros),
      currency: answer.currency,
      ...callerOf(context.credentials),
      ...(context.agentId ? { agentId: context.agentId } : {}),
      ...(context.sessionId ? { sessionId: context.sessionId } : {}),
    };
    const event = await auditor.createEvent({
      eventId: 'guardrail-denial',
      severityLevel: 'medium',
      meta,
    });
    await event.fail({ error: new NotAllowedError(answer.reason) });
  }
}

/** The principal behind credentials, and the service acting for a user if any. */
function callerOf(credentials?: BackstageCredentials): JsonObject {
  const principal = credentials?.principal as
    | {
        type: string;
        userEntityRef?: string;
        subject?: string;
        actor?: { subject: string };
      }
    | undefined;
  if (principal?.type === 'user') {
    return {
      principal: principal.userEntityRef!,
      ...(principal.actor ? { viaService: principal.actor.subject } : {}),
    };
  }
  if (principal?.type === 'service') {
    return { principal: principal.subject! };
  }
  return {};
}
