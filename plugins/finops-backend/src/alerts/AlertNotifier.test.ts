import { mockServices } from '@backstage/backend-test-utils';
import { FinopsAlert } from '@tollgate/plugin-finops-common';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { AlertNotifier } from './AlertNotifier';

const alert: FinopsAlert = {
  id: '7',
  kind: 'actual',
  scope: { entityRef: 'component:default/summarizer' },
  budgetId: 'b1',
  periodStart: '2026-11-01',
  threshold: 80,
  title: 'Budget 80% reached: component:default/summarizer',
  description: '85.00 USD spent',
  createdAt: '2026-11-20T10:00:00.000Z',
};

describe('AlertNotifier', () => {
  let server: Server;
  let received: Array<{ body: any; contentType?: string }>;
  let status: number;
  let url: string;

  beforeEach(async () => {
    received = [];
    status = 200;
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', chunk => (body += chunk));
      req.on('end', () => {
        received.push({
          body: JSON.parse(body),
          contentType: req.headers['content-type'],
        });
        res.statusCode = status;
        res.end('ok');
      });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });

  afterEach(() => new Promise(resolve => server.close(resolve)));

  it('sends a notification to the owners and posts Slack-compatible JSON to the webhook', async () => {
    const sent: any[] = [];
    const notifier = new AlertNotifier({
      notifications: { send: async n => void sent.push(n) },
      webhookUrl: url,
      logger: mockServices.logger.mock(),
    });
    await notifier.notify(
      alert,
      ['group:default/ml'],
      '/catalog/default/component/summarizer/cost',
    );
    expect(sent).toEqual([
      {
        recipients: { type: 'entity', entityRef: ['group:default/ml'] },
        payload: expect.objectContaining({
          title: alert.title,
          severity: 'high',
          link: '/catalog/default/component/summarizer/cost',
        }),
      },
    ]);
    expect(received).toEqual([
      {
        contentType: 'application/json',
        body: {
          text: 'Budget 80% reached: component:default/summarizer: 85.00 USD spent',
          alert: expect.objectContaining({
            id: '7',
            recipients: ['group:default/ml'],
          }),
        },
      },
    ]);
  });

  it('logs, and does not throw, when delivery fails', async () => {
    status = 500;
    const logger = mockServices.logger.mock();
    const notifier = new AlertNotifier({
      notifications: {
        send: async () => {
          throw new Error('notifications backend down');
        },
      },
      webhookUrl: url,
      logger,
    });
    await notifier.notify(alert, ['group:default/ml'], '/finops');
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('notifications backend down'),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      'Alert webhook answered 500 for alert 7',
    );
  });
});
