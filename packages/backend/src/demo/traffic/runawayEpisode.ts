import { RunawayOutcome, RUNAWAY_AGENT } from './runawayAgent';

/** When the runaway episode begins, and what it came to. */
export interface RunawayEpisode {
  capability: string;
  agentId: string;
  state: 'waiting' | 'running' | 'stopped';
  outcome?: RunawayOutcome;
  error?: string;
}

/**
 * Starts the runaway agent's episode once the backend answers and knows the
 * capability: asks the capability's process to loop until the guardrail stops it,
 * retrying while the backend is not ready.
 */
export function startRunawayEpisode(options: {
  backendUrl: string;
  servicePort: number;
  delayMs?: number;
}): RunawayEpisode {
  const episode: RunawayEpisode = {
    capability: RUNAWAY_AGENT.capability,
    agentId: RUNAWAY_AGENT.agentId,
    state: 'waiting',
  };
  const run = async () => {
    for (;;) {
      await new Promise(resolve =>
        setTimeout(resolve, options.delayMs ?? 15_000),
      );
      const healthy = await fetch(`${options.backendUrl}/api/finops/health`)
        .then(r => r.ok)
        .catch(() => false);
      if (!healthy) continue;
      episode.state = 'running';
      const response = await fetch(
        `http://127.0.0.1:${options.servicePort}/runaway`,
        { method: 'POST' },
      ).catch(error => error as Error);
      if (response instanceof Response && response.ok) {
        episode.outcome = await response.json();
        delete episode.error;
        episode.state = 'stopped';
        return;
      }
      // Not yet in the catalog, or the backend restarting: try again.
      episode.error =
        response instanceof Response ? await response.text() : response.message;
      episode.state = 'waiting';
    }
  };
  run();
  return episode;
}
