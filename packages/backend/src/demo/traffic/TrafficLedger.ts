import { TrafficTokenType } from './dayPlan';

/** What the simulator counted of one capability on one UTC day. */
export interface LedgerDay {
  requests: number;
  /** Requests answered with a status of 500 or more. */
  serverErrors: number;
  outcomes: number;
  /** Tokens the vendors reported, by `gen_ai.provider.name`, model and token type. */
  tokens: Record<string, Record<string, Record<TrafficTokenType, number>>>;
}

function emptyDay(): LedgerDay {
  return { requests: 0, serverErrors: 0, outcomes: 0, tokens: {} };
}

/**
 * The simulator's own count, per capability and day: the requests it sent (in the
 * backfilled history and live) and how they were answered, the outcomes they
 * counted, and the tokens the vendors reported for them.
 */
export class TrafficLedger {
  private readonly days = new Map<string, Map<string, LedgerDay>>();

  private day(capability: string, day: string): LedgerDay {
    const byDay = this.days.get(capability) ?? new Map<string, LedgerDay>();
    this.days.set(capability, byDay);
    const entry = byDay.get(day) ?? emptyDay();
    byDay.set(day, entry);
    return entry;
  }

  addRequest(
    capability: string,
    day: string,
    status: number,
    outcomes: number,
  ): void {
    const entry = this.day(capability, day);
    entry.requests += 1;
    if (status >= 500) entry.serverErrors += 1;
    entry.outcomes += outcomes;
  }

  addTokens(
    capability: string,
    day: string,
    call: { provider: string; model: string },
    tokens: Partial<Record<TrafficTokenType, number>>,
  ): void {
    const entry = this.day(capability, day);
    const byModel = (entry.tokens[call.provider] ??= {});
    const byType = (byModel[call.model] ??= {
      input: 0,
      output: 0,
      cache_read: 0,
      cache_creation: 0,
    });
    for (const [type, count] of Object.entries(tokens)) {
      byType[type as TrafficTokenType] += count ?? 0;
    }
  }

  /** Every capability's days, as JSON. */
  toJSON(): Record<string, Record<string, LedgerDay>> {
    return Object.fromEntries(
      [...this.days].map(([capability, byDay]) => [
        capability,
        Object.fromEntries([...byDay].sort(([a], [b]) => a.localeCompare(b))),
      ]),
    );
  }
}
