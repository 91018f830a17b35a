import { UrlReaderService } from '@backstage/backend-plugin-api';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { FocusCostSource } from './FocusCostSource';
import {
  FIXTURES,
  ALL_DAYS,
  fetchContext,
  collect,
  HEADER,
} from '../__testUtils__/focusSourceTesting';
import { expectTotalsOf } from '../__testUtils__/fixtureTotals';

describe('FocusCostSource', () => {
  describe('over HTTP', () => {
    let server: http.Server;
    let base: string;
    let handler: http.RequestListener;
    let urlReader: UrlReaderService;

    beforeAll(async () => {
      server = http.createServer((req, res) => handler(req, res));
      await new Promise<void>(resolve =>
        server.listen(0, '127.0.0.1', resolve),
      );
      const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
      base = `http://${host}`;
      urlReader = UrlReaders.default({
        config: new ConfigReader({
          backend: { reading: { allow: [{ host }] } },
        }),
        logger: mockServices.logger.mock(),
      });
    });
    afterEach(() => server.closeAllConnections());
    afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

    it('reads an export served by a URL', async () => {
      const file = path.join(FIXTURES, 'ai_prompt_caching_a.csv');
      handler = (req, res) => {
        expect(req.url).toBe('/exports/focus.csv?token=secret');
        res.writeHead(200, { 'content-type': 'text/csv' });
        fs.createReadStream(file).pipe(res);
      };
      const records = await collect({
        id: 'remote',
        urls: [`${base}/exports/focus.csv?token=secret`],
        urlReader,
      });
      expectTotalsOf(records, file);
    });

    it('fails on an HTTP error, naming the URL without its query', async () => {
      handler = (_req, res) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('boom');
      };
      const failure = collect({
        id: 'remote',
        urls: [`${base}/focus.csv?token=secret`],
        urlReader,
      });
      await expect(failure).rejects.toThrow(
        `Fetching FOCUS export ${base}/focus.csv failed; caused by Error: could not read ${base}/focus.csv, 500 Internal Server Error`,
      );
      await expect(failure).rejects.not.toThrow(/secret/);
    });

    it('fails on a URL that backend.reading.allow does not admit', async () => {
      handler = () => {
        throw new Error('no request expected');
      };
      const failure = collect({
        id: 'remote',
        urls: ['http://elsewhere.example.com/focus.csv?sig=secret'],
        urlReader,
      });
      await expect(failure).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringMatching(
          /^Fetching FOCUS export http:\/\/elsewhere\.example\.com\/focus\.csv failed; caused by NotAllowedError: .*backend\.reading\.allow/,
        ),
      });
      await expect(failure).rejects.not.toThrow(/secret/);
    });

    it('stops when the signal aborts while the server is silent', async () => {
      handler = () => {};
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      await expect(
        collect(
          { id: 'remote', urls: [`${base}/focus.csv`], urlReader },
          ALL_DAYS,
          fetchContext({ signal: controller.signal }),
        ),
      ).rejects.toMatchObject({ name: 'AbortError' });
    });

    it('yields records as the body streams, and stops when aborted midway', async () => {
      let release: () => void = () => {};
      const held = new Promise<void>(resolve => {
        release = resolve;
      });
      let ended = false;
      handler = async (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/csv' });
        res.write(`${HEADER}\n`);
        for (let i = 0; i < 1000; i++) {
          res.write(`1,,USD,2024-09-01,,P,S,row ${i},\n`);
        }
        await held;
        ended = true;
        res.end();
      };
      const controller = new AbortController();
      const items = FocusCostSource.create({
        id: 'remote',
        urls: [`${base}/focus.csv`],
        urlReader,
      }).fetch(ALL_DAYS, fetchContext({ signal: controller.signal }));
      const iterator = items[Symbol.asyncIterator]();
      const first = await iterator.next();
      expect(first.value).toMatchObject({ record: { dimension: 'row 0' } });
      expect(ended).toBe(false);
      controller.abort();
      const drain = async () => {
        for (;;) {
          if ((await iterator.next()).done) {
            return;
          }
        }
      };
      await expect(drain()).rejects.toMatchObject({ name: 'AbortError' });
      release();
    });
  });
});
