import type { z as zod } from 'zod/v3';

type Zod = typeof zod;

/**
 * The output schemas of the finops actions: the fields clients rely on, described;
 * objects pass further fields through unchanged, so that an answer equals the REST
 * route's. Money is decimal text.
 */
const money = (z: Zod, what: string) =>
  z.string().describe(`${what}, decimal text in the currency given`);

const costBasis = (z: Zod) =>
  z
    .enum(['effective', 'billed'])
    .optional()
    .describe(
      'Which cost the money is: effective (amortized after commitments and discounts, FOCUS EffectiveCost) or billed (as invoiced)',
    );

const period = (z: Zod) =>
  z
    .object({ from: z.string(), to: z.string() })
    .describe('UTC days, inclusive');

const costChange = (z: Zod) =>
  z.object({
    key: z.string(),
    cost: money(z, 'Cost in the period'),
    previousCost: money(z, 'Cost in the earlier period'),
    change: money(z, 'Cost minus earlier cost'),
  });

const budgetStatus = (z: Zod) =>
  z
    .object({
      budget: z
        .object({
          id: z.string(),
          scope: z.record(z.string()),
          amount: z.string(),
          currency: z.string(),
          period: z.string(),
          enforcement: z.string(),
        })
        .passthrough(),
      period: period(z),
      costBasis: costBasis(z),
      spent: money(z, 'Spent in the current period'),
      forecast: money(z, 'Spent plus the projection to the end of the period'),
      remaining: money(z, 'Amount minus spent'),
      utilization: z.number().describe('Spent, percent of the amount'),
      thresholdsCrossed: z.array(z.number()),
    })
    .passthrough();

const guardrailAnswer = (z: Zod) =>
  z
    .object({
      decision: z.enum(['allow', 'warn', 'deny']),
      entityRef: z.string(),
      estimatedCost: z.string(),
      currency: z.string(),
      reason: z.string().describe('Why, in a sentence'),
      reservationId: z.string().optional(),
      expiresAt: z.string().optional(),
    })
    .passthrough();

const reservation = (z: Zod) =>
  z
    .object({
      id: z.string(),
      entityRef: z.string(),
      status: z.string().describe('open, committed, released or expired'),
      amount: money(z, 'Amount reserved'),
      committed: money(z, 'Cost of the usage committed').optional(),
      currency: z.string(),
    })
    .passthrough();

export const actionOutputs = {
  entityCost: (z: Zod) =>
    z
      .object({
        entityRef: z.string(),
        from: z.string(),
        to: z.string(),
        currency: z.string(),
        groupBy: z.string(),
        costBasis: costBasis(z),
        total: money(z, 'Spend in the period'),
        previousTotal: money(
          z,
          'Spend in the period of the same length before',
        ),
        daily: z.array(
          z.object({ day: z.string(), total: z.string() }).passthrough(),
        ),
        breakdown: z.array(
          z.object({ key: z.string(), cost: z.string() }).passthrough(),
        ),
      })
      .passthrough(),
  summary: (z: Zod) =>
    z
      .object({
        from: z.string(),
        to: z.string(),
        currency: z.string(),
        groupBy: z.string(),
        costBasis: costBasis(z),
        total: money(z, 'Spend in the period'),
        previousTotal: money(
          z,
          'Spend in the period of the same length before',
        ),
        unallocated: money(z, 'Spend that maps to no entity'),
        groups: z.array(
          z.object({
            key: z.string(),
            cost: z.string(),
            previousCost: z.string(),
          }),
        ),
        topSpenders: z.array(
          z.object({
            key: z.string(),
            cost: z.string(),
            previousCost: z.string(),
          }),
        ),
        movers: z.array(costChange(z)),
      })
      .passthrough(),
  costChange: (z: Zod) =>
    z.object({
      entityRef: z.string(),
      currency: z.string(),
      period: period(z),
      previousPeriod: period(z),
      total: money(z, 'Spend in the period'),
      previousTotal: money(z, 'Spend in the earlier period'),
      change: money(z, 'Spend minus earlier spend'),
      movedMost: costChange(z)
        .extend({ dimension: z.string() })
        .nullable()
        .describe('The dimension and key whose spend changed most'),
      dimensions: z.array(
        z.object({ dimension: z.string(), changes: z.array(costChange(z)) }),
      ),
      summary: z.string().describe('The change in a sentence'),
    }),
  budgetStatus: (z: Zod) =>
    z
      .object({
        scope: z
          .record(z.string())
          .describe('What was asked about: entityRef, team or costCenter'),
        budgets: z
          .array(budgetStatus(z))
          .describe(
            "The budgets that cover it: an entity's own first, then its team's and cost center's",
          ),
      })
      .passthrough(),
  guardrailAnswer,
  reservation,
  alerts: (z: Zod) =>
    z.object({
      items: z.array(
        z
          .object({
            id: z.string(),
            kind: z.string(),
            scope: z.record(z.string()),
            title: z.string(),
            description: z.string(),
          })
          .passthrough(),
      ),
    }),
  scorecard: (z: Zod) =>
    z
      .object({
        entityRef: z.string(),
        scorecards: z.array(z.object({}).passthrough()),
      })
      .passthrough(),
};

/**
 * An action's answer. The registry checks it against the action's output schema when
 * the action runs; the API's response interfaces have no index signature, so
 * TypeScript cannot match them to the type of a schema that passes fields through.
 */
export function answer<T extends object>(output: T): { output: never } {
  return { output: output as never };
}
