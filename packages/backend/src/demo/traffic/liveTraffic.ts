import { DayPlan, planDays } from './dayPlan';
import { requestAt, requestsThrough } from './requestAt';
import { TrafficLedger } from './TrafficLedger';
import { TrafficProfile } from './trafficProfiles';

/** Requests of one capability in flight at most; the rest wait for the next tick. */
const MAX_IN_FLIGHT = 200;

/**
 * Sends each capability's planned requests to its process when their time comes,
 * from `cutoff` on (the history holds those before), and counts how each was
 * answered in the ledger. Plans the next day when a day ends.
 */
export class LiveTraffic {
  private plans = new Map<string, DayPlan>();
  private readonly sent = new Map<string, number>();
  private readonly inFlight = new Map<string, number>();
  private day = '';
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly options: {
      profiles: TrafficProfile[];
      ports: Map<string, number>;
      ledger: TrafficLedger;
      cutoff: number;
      now?: () => number;
    },
  ) {}

  start(): void {
    this.timer = setInterval(() => this.tick(), 1000);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private planFor(now: number) {
    const day = new Date(now).toISOString().slice(0, 10);
    if (day === this.day) return;
    this.day = day;
    const plans = planDays({
      today: day,
      days: 1,
      profiles: this.options.profiles,
    });
    this.plans = new Map(
      [...plans].map(([capability, days]) => [capability, days[0]]),
    );
    for (const [capability, plan] of this.plans) {
      this.sent.set(capability, requestsThrough(plan, this.options.cutoff));
    }
  }

  private tick() {
    const now = (this.options.now ?? Date.now)();
    this.planFor(now);
    for (const [capability, plan] of this.plans) {
      const due = requestsThrough(plan, now);
      let next = this.sent.get(capability) ?? 0;
      while (
        next < due &&
        (this.inFlight.get(capability) ?? 0) < MAX_IN_FLIGHT
      ) {
        next += 1;
        this.send(plan, next);
      }
      this.sent.set(capability, next);
    }
  }

  private send(plan: DayPlan, k: number) {
    const request = requestAt(plan, k);
    const port = this.options.ports.get(plan.capability);
    const capability = plan.capability;
    this.inFlight.set(capability, (this.inFlight.get(capability) ?? 0) + 1);
    fetch(`http://127.0.0.1:${port}/requests`, {
      method: 'POST',
      body: JSON.stringify(request),
    })
      .then(response => {
        this.options.ledger.addRequest(
          capability,
          plan.day,
          response.status,
          response.status === request.status ? request.outcomes : 0,
        );
        return response.arrayBuffer();
      })
      .catch(() => {
        // Not served: neither sent as far as the server's metrics go, nor counted.
      })
      .finally(() =>
        this.inFlight.set(capability, (this.inFlight.get(capability) ?? 1) - 1),
      );
  }
}
