import { readExampleEntities } from '../__testUtils__/demoStory';
import { DEMO_FOCUS_DAYS, generateDemoFocus } from '../demoFocus';
import { DEMO_LITELLM_TEAM } from './demoVendorAccounts';
import { generateDemoVendorReports } from './demoVendorReports';
import { ReportRow } from './reportRows';

const TODAY = '2026-03-01';
const reports = generateDemoVendorReports({
  today: TODAY,
  days: DEMO_FOCUS_DAYS,
});
const invoice = generateDemoFocus({
  today: TODAY,
  days: DEMO_FOCUS_DAYS,
}).aiProviders;

/** Dollars as written in the invoice (at most six decimals) in micro-dollars. */
function micros(dollars: string): bigint {
  const [whole, fraction = ''] = dollars.split('.');
  return BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
}

/** The invoice's money or tokens per day, of the rows `where` keeps. */
function invoiceByDay(
  where: (row: (typeof invoice)[number], details: any) => boolean,
  value: (row: (typeof invoice)[number]) => bigint,
): Map<string, bigint> {
  const byDay = new Map<string, bigint>();
  for (const row of invoice) {
    if (!where(row, JSON.parse(row.SkuPriceDetails))) continue;
    const day = row.ChargePeriodStart.slice(0, 10);
    byDay.set(day, (byDay.get(day) ?? 0n) + value(row));
  }
  return byDay;
}

const billed = (row: (typeof invoice)[number]) => micros(row.BilledCost);
const tokens = (row: (typeof invoice)[number]) => BigInt(row.ConsumedQuantity);

/** The sum of a value per day over rows `where` keeps. */
function sumByDay(
  byDay: Map<string, ReportRow[]>,
  field: string,
  where: (row: ReportRow) => boolean = () => true,
): Map<string, bigint> {
  return new Map(
    [...byDay].map(([day, rows]) => [
      day,
      rows.filter(where).reduce((sum, row) => sum + row.values[field], 0n),
    ]),
  );
}

describe('generateDemoVendorReports', () => {
  it('covers the days of the invoice', () => {
    expect(reports.from).toBe(invoice[0].ChargePeriodStart.slice(0, 10));
    expect(reports.to).toBe(TODAY);
    expect(reports.openAi.costs.size).toBe(DEMO_FOCUS_DAYS);
    expect(reports.anthropic.cost.size).toBe(DEMO_FOCUS_DAYS);
  });

  it('bills OpenAI what the invoice bills', () => {
    const expected = invoiceByDay(
      row => row.ServiceProviderName === 'OpenAI',
      billed,
    );
    // nano-dollars
    expect(sumByDay(reports.openAi.costs, 'amount', () => true)).toEqual(
      new Map([...expected].map(([day, m]) => [day, m * 1000n])),
    );
  });

  it('bills Anthropic what the invoice bills', () => {
    const expected = invoiceByDay(
      row => row.ServiceProviderName === 'Anthropic',
      billed,
    );
    expect(sumByDay(reports.anthropic.cost, 'amount')).toEqual(
      new Map([...expected].map(([day, m]) => [day, m * 1000n])),
    );
  });

  it('reports the invoice tokens, OpenAI input including cached input', () => {
    const openAiInput = invoiceByDay(
      (row, d) =>
        row.ServiceProviderName === 'OpenAI' && d.TokenDirection === 'Input',
      tokens,
    );
    const completionsInput = sumByDay(
      reports.openAi.completions,
      'input_tokens',
    );
    const embeddingsInput = sumByDay(reports.openAi.embeddings, 'input_tokens');
    expect(
      new Map(
        [...completionsInput].map(([day, n]) => [
          day,
          n + (embeddingsInput.get(day) ?? 0n),
        ]),
      ),
    ).toEqual(openAiInput);
    expect(sumByDay(reports.openAi.completions, 'input_cached_tokens')).toEqual(
      invoiceByDay(
        (row, d) =>
          row.ServiceProviderName === 'OpenAI' && d.TokenCacheAction === 'Read',
        tokens,
      ),
    );
    const anthropicFields: Array<[string, string, string]> = [
      ['uncached_input_tokens', 'Input', 'Uncached'],
      ['cache_read_input_tokens', 'Input', 'Read'],
      ['cache_creation.ephemeral_5m_input_tokens', 'Input', 'Write'],
      ['output_tokens', 'Output', 'Uncached'],
    ];
    for (const [field, direction, cache] of anthropicFields) {
      expect(sumByDay(reports.anthropic.usage, field)).toEqual(
        invoiceByDay(
          (row, d) =>
            row.ServiceProviderName === 'Anthropic' &&
            d.TokenDirection === direction &&
            d.TokenCacheAction === cache,
          tokens,
        ),
      );
    }
  });

  it('keeps the spend that names no catalog entity in a project of its own', () => {
    const legacy = invoiceByDay(
      row => row.Tags.includes('component:default/legacy-batch-job'),
      billed,
    );
    const [day, money] = [...legacy][0];
    const projectMoney = (reports.openAi.costs.get(day) ?? [])
      .filter(row => row.groups.project_id === 'proj_legacy_batch_job')
      .map(row => row.values.amount);
    expect(projectMoney.reduce((a, b) => a + b, 0n)).toBe(money * 1000n);
    expect(projectMoney.length).toBe(3);
  });

  it('logs the LiteLLM proxy spend of agent-assist as the invoice bills it', () => {
    const expected = invoiceByDay(
      row => row.Tags.includes('component:default/agent-assist'),
      billed,
    );
    const logged = new Map<string, bigint>();
    for (const log of reports.liteLlm) {
      logged.set(log.day, (logged.get(log.day) ?? 0n) + log.spendMicros);
    }
    expect(logged).toEqual(expected);
    expect(reports.liteLlm.length).toBe(DEMO_FOCUS_DAYS * 96);
  });

  it('has the example catalog claim every project, workspace and team but the unclaimed project', () => {
    const claimed = (annotation: string) =>
      readExampleEntities().flatMap(entity =>
        (entity.metadata.annotations?.[annotation] ?? '')
          .split(',')
          .map(id => id.trim())
          .filter(Boolean),
      );
    const ids = (byDay: Map<string, ReportRow[]>, field: string) =>
      [...new Set([...byDay.values()].flat().map(r => r.groups[field]))].sort();
    expect(ids(reports.openAi.costs, 'project_id')).toEqual(
      [
        ...claimed('tollgate.dev/openai-projects'),
        'proj_legacy_batch_job',
      ].sort(),
    );
    expect(ids(reports.anthropic.cost, 'workspace_id')).toEqual(
      claimed('tollgate.dev/anthropic-workspaces').sort(),
    );
    expect(claimed('tollgate.dev/litellm-teams')).toEqual([
      DEMO_LITELLM_TEAM.id,
    ]);
  });
});
