import { planDays } from './dayPlan';
import { historySnapshots } from './historySnapshots';
import { naftikoFamilies } from './naftikoFamilies';
import { TRAFFIC_PROFILES } from './trafficProfiles';

describe('naftikoFamilies', () => {
  const plans = planDays({
    today: '2026-01-03',
    days: 2,
    profiles: TRAFFIC_PROFILES,
  }).get('support-triage')!;
  const snapshots = historySnapshots(plans, Date.parse('2026-01-03T00:00:00Z'));
  const target = { job: 'support-triage', instance: '127.0.0.1:9335' };
  const lines = naftikoFamilies(target, snapshots);
  const valueAt = (prefix: string, time: number) =>
    lines
      .filter(l => l.startsWith(prefix) && l.endsWith(` ${time}`))
      .reduce((sum, l) => sum + Number(l.split(' ').at(-2)), 0);
  const [start, end] = snapshots.slice(-2).map(s => s.time);

  it("counts a day's requests by status under the engine's names", () => {
    const day = plans[0];
    const grew = (prefix: string) =>
      valueAt(prefix, end) - valueAt(prefix, start);
    expect(grew('naftiko_request_total{')).toBe(day.requests);
    expect(grew('naftiko_request_total{')).toBe(4000);
    expect(
      lines.some(
        l =>
          l.startsWith('naftiko_request_total{') && l.includes('status="500"'),
      ),
    ).toBe(true);
    expect(grew('naftiko_request_duration_seconds_count{')).toBe(day.requests);
    expect(lines.some(l => l.startsWith('http_server_request_duration'))).toBe(
      false,
    );
  });

  it('counts outbound calls with their route, and timeouts as transport errors', () => {
    const day = plans[0];
    const gets =
      valueAt(
        'naftiko_http_client_total{job="support-triage",instance="127.0.0.1:9335",server_address="tickets.example.com",http_request_method="GET",url_template="/api/tickets/{ticket_id}",http_response_status_code="200"',
        end,
      ) -
      valueAt(
        'naftiko_http_client_total{job="support-triage",instance="127.0.0.1:9335",server_address="tickets.example.com",http_request_method="GET",url_template="/api/tickets/{ticket_id}",http_response_status_code="200"',
        start,
      );
    expect(gets).toBe(day.apiCalls[0].total);
    const transport = lines.filter(
      l =>
        l.startsWith('naftiko_http_client_total{') &&
        l.includes('server_address="api.openai.com"') &&
        l.includes('error_type="transport"'),
    );
    expect(transport.length).toBe(snapshots.length);
    expect(Number(transport.at(-1)!.split(' ').at(-2))).toBe(plans[0].timeouts);
  });
});
