import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

// An MCP client, the TypeScript SDK's own, against the demo backend's MCP endpoint
// with the demo's MCP token (app-config.yaml), as the README tells users to connect.
// The MCP server names each tool after its plugin: finops.<action name>.
const BACKEND_URL =
  process.env.TOLLGATE_E2E_BACKEND_URL ?? 'http://localhost:7007';
const MCP_URL = `${BACKEND_URL}/api/mcp-actions/v1`;
const MCP_TOKEN =
  process.env.TOLLGATE_E2E_MCP_TOKEN ?? 'tollgate-demo-mcp-token-41d8e2';
const API_TOKEN =
  process.env.TOLLGATE_E2E_TOKEN ?? 'tollgate-demo-gateway-token-7f3a9c';
const TRIAGE = 'component:default/ticket-triage';
const SUMMARIZER = 'component:default/support-summarizer';
// No other journey asserts agent-assist's figures: the reservations here are its own.
const ASSIST = 'component:default/agent-assist';
const RUN = `${Date.now().toString(36)}${Math.random()
  .toString(36)
  .slice(2, 6)}`;

async function connect(headers) {
  const client = new Client({ name: 'tollgate-e2e', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(MCP_URL), {
      requestInit: { headers },
    }),
  );
  return client;
}

async function rest(path) {
  const response = await fetch(`${BACKEND_URL}/api/finops${path}`, {
    headers: { Authorization: `Bearer ${API_TOKEN}` },
  });
  if (response.status !== 200) {
    assert.fail(`GET ${path}: ${response.status} ${await response.text()}`);
  }
  return response.json();
}

/** Calls a tool and answers its structured output; fails on a tool error. */
async function call(client, name, args) {
  const result = await client.callTool({ name, arguments: args });
  assert.ok(!result.isError, `${name}: ${result.content?.[0]?.text}`);
  return result.structuredContent;
}

/** An answer without what changes from one moment to the next. */
function settled({ sources: _sources, snapshotAt: _snapshotAt, ...rest }) {
  return rest;
}

const EXPECTED_TOOLS = {
  'finops.get-entity-cost': {
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
  },
  'finops.get-cost-summary': {
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
  },
  'finops.explain-cost-change': {
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
  },
  'finops.get-budget-status': {
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
  },
  'finops.list-open-alerts': {
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
  },
  'finops.get-entity-scorecard': {
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
  },
  'finops.check-guardrail': {
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
  },
  'finops.reserve-budget': {
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: false,
  },
  'finops.commit-reservation': {
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: true,
  },
  'finops.release-reservation': {
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: true,
  },
};

test('an MCP client lists the finops tools and their numbers equal the REST API', async () => {
  const client = await connect({ Authorization: `Bearer ${MCP_TOKEN}` });
  try {
    const { tools } = await client.listTools();
    const finops = Object.fromEntries(
      tools
        .filter(t => t.name in EXPECTED_TOOLS)
        .map(t => [t.name, t.annotations]),
    );
    for (const [name, hints] of Object.entries(EXPECTED_TOOLS)) {
      assert.deepEqual(
        { name, ...finops[name], title: undefined },
        { name, ...hints, openWorldHint: false, title: undefined },
      );
    }
    const costTool = tools.find(t => t.name === 'finops.get-entity-cost');
    assert.deepEqual(costTool.inputSchema.required, ['entityRef']);

    const cost = await call(client, 'finops.get-entity-cost', {
      entityRef: TRIAGE,
      groupBy: 'model',
    });
    assert.deepEqual(
      settled(cost),
      settled(
        await rest(
          '/v1/entities/component/default/ticket-triage/cost?groupBy=model',
        ),
      ),
    );
    assert.notEqual(cost.total, '0.00');

    const summary = await call(client, 'finops.get-cost-summary', {
      groupBy: 'team',
    });
    const { daily: _daily, ...restSummary } = await rest(
      '/v1/summary?groupBy=team',
    );
    for (const key of ['total', 'previousTotal', 'unallocated', 'groups']) {
      assert.deepEqual(summary[key], restSummary[key], key);
    }
    assert.ok(summary.topSpenders.length > 0);

    const change = await call(client, 'finops.explain-cost-change', {
      entityRef: TRIAGE,
    });
    assert.equal(change.total, cost.total);
    assert.equal(change.previousTotal, cost.previousTotal);
    assert.match(change.summary, /^Spend (rose|fell|stayed level)/);

    const budget = await call(client, 'finops.get-budget-status', {
      entityRef: TRIAGE,
    });
    const entityBudget = await rest(
      '/v1/entities/component/default/ticket-triage/budget',
    );
    assert.deepEqual(budget.budgets, [
      entityBudget.own,
      ...entityBudget.inherited,
    ]);

    const alerts = await call(client, 'finops.list-open-alerts', {});
    assert.deepEqual(alerts, await rest('/v1/alerts?status=open'));

    const scorecard = await call(client, 'finops.get-entity-scorecard', {
      entityRef: SUMMARIZER,
    });
    assert.deepEqual(
      scorecard,
      await rest('/v1/entities/component/default/support-summarizer/scorecard'),
    );

    const check = await call(client, 'finops.check-guardrail', {
      entityRef: TRIAGE,
      estimatedCost: '0.50',
    });
    assert.deepEqual(
      settled(check),
      settled(
        await rest(
          `/v1/guardrails/check?entityRef=${TRIAGE}&estimatedCost=0.50`,
        ),
      ),
    );
  } finally {
    await client.close();
  }
});

test("an agent's session reserving through MCP is denied at its session cap", async () => {
  const client = await connect({ Authorization: `Bearer ${MCP_TOKEN}` });
  try {
    const session = {
      entityRef: ASSIST,
      agentId: `mcp-agent-${RUN}`,
      sessionId: `mcp-session-${RUN}`,
      maxSessionCost: '1.00',
    };
    const first = await call(client, 'finops.reserve-budget', {
      ...session,
      estimatedCost: '0.70',
    });
    assert.notEqual(first.decision, 'deny', first.reason);
    assert.ok(first.reservationId);
    const committed = await call(client, 'finops.commit-reservation', {
      reservationId: first.reservationId,
      usage: { cost: { amount: '0.65', currency: 'USD' } },
    });
    assert.equal(committed.status, 'committed');
    assert.equal(committed.committed, '0.65');

    const second = await call(client, 'finops.reserve-budget', {
      ...session,
      estimatedCost: '0.40',
    });
    assert.equal(second.decision, 'deny');
    assert.equal(second.reservationId, undefined);
    assert.match(second.reason, new RegExp(session.sessionId));
    assert.equal(second.session.remaining, '0.35');

    const small = await call(client, 'finops.reserve-budget', {
      ...session,
      estimatedCost: '0.30',
    });
    assert.notEqual(small.decision, 'deny', small.reason);
    const released = await call(client, 'finops.release-reservation', {
      reservationId: small.reservationId,
    });
    assert.equal(released.status, 'released');
  } finally {
    await client.close();
  }
});

test('bad input and missing credentials are refused with clear errors', async () => {
  const client = await connect({ Authorization: `Bearer ${MCP_TOKEN}` });
  try {
    const bad = await client.callTool({
      name: 'finops.get-entity-cost',
      arguments: { entityRef: TRIAGE, from: '2026-02-30', groupBy: 'colour' },
    });
    assert.equal(bad.isError, true);
    assert.match(
      bad.content[0].text,
      /^InputError: Input field from has invalid value "2026-02-30": expected a date YYYY-MM-DD/,
    );
    const missing = await client.callTool({
      name: 'finops.reserve-budget',
      arguments: { estimatedCost: 0.5 },
    });
    assert.equal(missing.isError, true);
    assert.equal(
      missing.content[0].text,
      'InputError: Invalid input: entityRef is required; estimatedCost is invalid: Expected string, received number',
    );
  } finally {
    await client.close();
  }
  await assert.rejects(connect({}), /401|Unauthorized|authenticat/i);
  await assert.rejects(
    connect({ Authorization: 'Bearer not-a-token' }),
    /401|Unauthorized|authenticat/i,
  );
});
