import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { addDays, todayUtc } from '@tollgate/plugin-finops-common';
import { FocusCostSource } from '@tollgate/plugin-finops-backend-module-focus';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  startFinopsTestBackend,
  userAuth as auth,
} from '../__testUtils__/startFinopsTestBackend';

jest.setTimeout(60_000);

const SUMMARIZER = 'component:default/summarizer';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'summarizer',
      namespace: 'default',
      annotations: { 'tollgate.dev/budget': '100 USD/month' },
    },
    spec: { type: 'capability', owner: 'group:default/ml' },
  },
];

/** An OpenAI invoice line of the summarizer's gpt-4o input tokens on a day. */
function invoice(day: string, billed: string) {
  const header =
    'BilledCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd,ConsumedQuantity,ConsumedUnit,ListCost,ServiceName,ServiceProviderName,SkuId,SkuPriceDetails,Tags';
  const line = `${billed},USD,Usage,${day}T00:00:00Z,${addDays(
    day,
    1,
  )}T00:00:00Z,2000000,Tokens,${billed},OpenAI API,OpenAI,gpt-4o-input,"{""TokenDirection"": ""Input"", ""TokenCacheAction"": ""Uncached"", ""ModelId"": ""gpt-4o""}","{""backstage-entity"": ""${SUMMARIZER}""}"`;
  return `${header}\n${line}\n`;
}

describe('metered spend beside an invoice', () => {
  it('counts once: the invoice where it covers the entity, provider and day, metered spend elsewhere', async () => {
    const today = todayUtc();
    const yesterday = addDays(today, -1);
    const file = join(
      mkdtempSync(join(tmpdir(), 'tollgate-invoice-')),
      'openai.csv',
    );
    writeFileSync(file, invoice(today, '5.25'));
    const source = FocusCostSource.fromConfig(
      new ConfigReader({
        id: 'openai-invoice',
        paths: [file],
        entityTagKey: 'backstage-entity',
      }),
    );
    const { server, run, stop } = await startFinopsTestBackend({
      entities,
      sources: [source],
    });
    try {
      const usage = (id: string, timestamp: string) => ({
        id,
        timestamp,
        entityRef: SUMMARIZER,
        provider: 'OpenAI',
        model: 'gpt-4o',
        tokens: { input: 2_000_000 },
      });
      await request(server)
        .post('/api/finops/v1/usage')
        .set(auth)
        .send({
          events: [
            usage('today-1', `${today}T00:00:01Z`),
            usage('yesterday-1', `${yesterday}T12:00:00Z`),
          ],
        })
        .expect(200);
      const cost = async (day: string) =>
        (
          await request(server)
            .get(
              `/api/finops/v1/entities/component/default/summarizer/cost?from=${day}&to=${day}&groupBy=source`,
            )
            .set(auth)
            .expect(200)
        ).body;
      expect((await cost(today)).total).toBe('5.00');

      await run('focus:openai-invoice', today);
      const invoiced = await cost(today);
      expect(invoiced.total).toBe('5.25');
      expect(invoiced.breakdown).toEqual([
        expect.objectContaining({ key: 'focus:openai-invoice', cost: '5.25' }),
      ]);
      // yesterday has no invoice yet: the metered spend counts
      expect((await cost(yesterday)).total).toBe('5.00');

      // usage reported after the invoice counts once too
      await request(server)
        .post('/api/finops/v1/usage')
        .set(auth)
        .send({ events: [usage('today-2', `${today}T00:00:02Z`)] })
        .expect(200);
      expect((await cost(today)).total).toBe('5.25');

      const csv = await request(server)
        .get(`/api/finops/v1/export/focus?from=${today}&to=${today}`)
        .set(auth)
        .expect(200);
      expect(csv.text.trim().split('\n')).toHaveLength(2);
      expect(csv.text).toContain('5.25');
    } finally {
      await stop();
    }
  });
});
