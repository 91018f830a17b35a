import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { CostRecord } from '@tollgate/plugin-finops-common';
import finopsModuleAnthropic from '@tollgate/plugin-finops-backend-module-anthropic';
import finopsModuleLitellm from '@tollgate/plugin-finops-backend-module-litellm';
import finopsModuleOpenai from '@tollgate/plugin-finops-backend-module-openai';
import {
  CostSource,
  finopsCostSourcesExtensionPoint,
} from '@tollgate/plugin-finops-node';
import { mockCostSourceFetchContext } from '@tollgate/plugin-finops-node/testUtils';
import { DEMO_FOCUS_DAYS } from '../demoFocus';
import { generateDemoVendorReports } from './demoVendorReports';
import { NANOS_SCALE } from './exactDecimal';
import {
  DEMO_VENDOR_KEYS,
  DemoVendorReplay,
  startDemoVendorReplay,
} from './startDemoVendorReplay';

const TODAY = '2026-03-02';
const WINDOW = { from: '2026-02-27', to: TODAY };
const DAYS = ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'];
const reports = generateDemoVendorReports({
  today: TODAY,
  days: DEMO_FOCUS_DAYS,
});

let replay: DemoVendorReplay;
beforeAll(async () => {
  replay = await startDemoVendorReplay({ reports, port: 0 });
});
afterAll(() => replay.close());

function finopsPluginCollecting(sources: CostSource[]) {
  return createBackendPlugin({
    pluginId: 'finops',
    register(env) {
      env.registerExtensionPoint(finopsCostSourcesExtensionPoint, {
        addCostSource(...added) {
          sources.push(...added);
        },
      });
      env.registerInit({
        deps: { logger: coreServices.logger },
        async init() {},
      });
    },
  });
}

/** The demo's three vendor sources, reading the replay, as the backend adds them. */
async function demoSources(): Promise<Record<string, CostSource>> {
  const sources: CostSource[] = [];
  const backend = await startTestBackend({
    features: [
      finopsPluginCollecting(sources),
      finopsModuleOpenai,
      finopsModuleAnthropic,
      finopsModuleLitellm,
      mockServices.rootConfig.factory({
        data: {
          tollgate: {
            sources: {
              openai: [
                {
                  id: 'demo-openai',
                  baseUrl: replay.url,
                  adminKey: DEMO_VENDOR_KEYS.openAiAdminKey,
                },
              ],
              anthropic: [
                {
                  id: 'demo-anthropic',
                  baseUrl: replay.url,
                  adminKey: DEMO_VENDOR_KEYS.anthropicAdminKey,
                },
              ],
              litellm: [
                {
                  id: 'demo-litellm',
                  baseUrl: replay.url,
                  apiKey: DEMO_VENDOR_KEYS.liteLlmMasterKey,
                },
              ],
            },
          },
        },
      }),
    ],
  });
  await backend.stop();
  return Object.fromEntries(sources.map(source => [source.id, source]));
}

async function fetchRecords(source: CostSource): Promise<CostRecord[]> {
  const records: CostRecord[] = [];
  for await (const item of source.fetch(WINDOW, mockCostSourceFetchContext())) {
    if (item.type === 'cost') records.push(item.record);
  }
  return records;
}

/** Micro-dollars per day of records. */
function billedByDay(records: CostRecord[]): Map<string, bigint> {
  const byDay = new Map(DAYS.map(day => [day, 0n]));
  for (const r of records) {
    byDay.set(r.day, (byDay.get(r.day) ?? 0n) + r.billedCostMicros);
  }
  return byDay;
}

/** Nano-dollars per day of the generator's cost rows, `where` they match. */
function generatedByDay(
  rows: typeof reports.openAi.costs,
  where: (lineItem: string) => boolean = () => true,
): Map<string, bigint> {
  return new Map(
    DAYS.map(day => [
      day,
      (rows.get(day) ?? [])
        .filter(row => where(row.groups.line_item ?? ''))
        .reduce((sum, row) => sum + row.values.amount, 0n),
    ]),
  );
}

const NANOS_PER_MICRO = 10n ** BigInt(NANOS_SCALE - 6);

describe('the demo vendor replay read by the vendor source modules', () => {
  it('gives the OpenAI source the generated money and tokens', async () => {
    const { 'openai:demo-openai': source } = await demoSources();
    const records = await fetchRecords(source);
    const money = billedByDay(records);
    const generated = generatedByDay(reports.openAi.costs, () => true);
    for (const day of DAYS) {
      expect(money.get(day)! * NANOS_PER_MICRO).toBe(generated.get(day));
    }
    const projects = new Set(records.map(r => r.tags?.['openai.project_id']));
    expect(projects).toContain('proj_legacy_batch_job');
    const inputTokens = records
      .filter(r => r.day === TODAY && r.billedCostMicros === 0n)
      .filter(r => r.dimension !== 'output')
      .reduce((sum, r) => sum + (r.quantity ?? 0n), 0n);
    const generatedInput = [
      ...(reports.openAi.completions.get(TODAY) ?? []),
      ...(reports.openAi.embeddings.get(TODAY) ?? []),
    ].reduce((sum, row) => sum + row.values.input_tokens, 0n);
    expect(inputTokens).toBe(generatedInput * 1_000_000n);
  });

  it('gives the Anthropic source the generated money', async () => {
    const { 'anthropic:demo-anthropic': source } = await demoSources();
    const money = billedByDay(await fetchRecords(source));
    const generated = generatedByDay(reports.anthropic.cost);
    for (const day of DAYS) {
      expect(money.get(day)! * NANOS_PER_MICRO).toBe(generated.get(day));
    }
  });

  it('gives the LiteLLM source the generated spend logs, page after page', async () => {
    const { 'litellm:demo-litellm': source } = await demoSources();
    const records = await fetchRecords(source);
    const logged = new Map(DAYS.map(day => [day, 0n]));
    for (const log of reports.liteLlm) {
      if (logged.has(log.day)) {
        logged.set(log.day, logged.get(log.day)! + log.spendMicros);
      }
    }
    expect(billedByDay(records)).toEqual(logged);
    expect(
      records.every(r => r.tags?.['litellm.team_alias'] === 'agent-assist'),
    ).toBe(true);
  });
});

describe('startDemoVendorReplay', () => {
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${replay.url}${path}`, { headers });
  const openAi = { authorization: `Bearer ${DEMO_VENDOR_KEYS.openAiAdminKey}` };
  const anthropic = {
    'x-api-key': DEMO_VENDOR_KEYS.anthropicAdminKey,
    'anthropic-version': '2023-06-01',
  };
  const start = Date.parse(`${WINDOW.from}T00:00:00Z`) / 1000;

  it('refuses a request without the key as each vendor does', async () => {
    const openAiAnswer = await get(
      `/v1/organization/costs?start_time=${start}`,
    );
    expect(openAiAnswer.status).toBe(401);
    expect((await openAiAnswer.json()).error.type).toBe(
      'invalid_request_error',
    );
    const anthropicAnswer = await get(
      `/v1/organizations/cost_report?starting_at=${WINDOW.from}T00:00:00Z`,
      { 'anthropic-version': '2023-06-01' },
    );
    expect(anthropicAnswer.status).toBe(401);
    expect(await anthropicAnswer.json()).toEqual({
      type: 'error',
      error: {
        type: 'authentication_error',
        message: 'x-api-key header is required',
      },
    });
    const liteLlmAnswer = await get(
      '/spend/logs/v2?start_date=2026-03-01&end_date=2026-03-02',
      { authorization: 'Bearer sk-wrong' },
    );
    expect(liteLlmAnswer.status).toBe(401);
    expect((await liteLlmAnswer.json()).error.type).toBe('auth_error');
  });

  it('groups by the fields asked for, a page of limit buckets at a time', async () => {
    const first = await (
      await get(
        `/v1/organization/usage/completions?start_time=${start}&bucket_width=1d&limit=3`,
        openAi,
      )
    ).json();
    expect(first.data.map((b: any) => b.results.length)).toEqual([1, 1, 1]);
    expect(first.data[0].results[0]).toMatchObject({
      model: null,
      project_id: null,
    });
    expect(first.has_more).toBe(true);
    const second = await (
      await get(
        `/v1/organization/usage/completions?start_time=${start}&limit=3&page=${first.next_page}`,
        openAi,
      )
    ).json();
    expect(second.data.map((b: any) => b.start_time)).toEqual([
      Date.parse(`${TODAY}T00:00:00Z`) / 1000,
    ]);
    expect(second.has_more).toBe(false);
    const byWorkspace = await (
      await get(
        `/v1/organizations/usage_report/messages?starting_at=${TODAY}T00:00:00Z&group_by[]=workspace_id`,
        anthropic,
      )
    ).json();
    expect(
      byWorkspace.data[0].results.map((r: any) => r.workspace_id).sort(),
    ).toEqual([
      'wrkspc_insights_copilot',
      'wrkspc_rag_gateway',
      'wrkspc_report_generator',
      'wrkspc_support_summarizer',
      'wrkspc_ticket_triage',
    ]);
  });

  it('refuses what it does not answer as the vendor would', async () => {
    const hourly = await get(
      `/v1/organization/costs?start_time=${start}&bucket_width=1h`,
      openAi,
    );
    expect(hourly.status).toBe(400);
    const badGroup = await get(
      `/v1/organizations/cost_report?starting_at=${TODAY}T00:00:00Z&group_by[]=model`,
      anthropic,
    );
    expect(badGroup.status).toBe(400);
    expect((await get('/v1/models', openAi)).status).toBe(404);
  });
});
