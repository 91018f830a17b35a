import { createMockDirectory } from '@backstage/backend-test-utils';
import { FocusCostSource } from './FocusCostSource';
import {
  fetchContext,
  collect,
  HEADER,
} from '../__testUtils__/focusSourceTesting';

describe('FocusCostSource', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());

  describe('with invalid rows', () => {
    const oneDay = { from: '2024-09-01', to: '2024-09-01' };
    const rows = [
      HEADER,
      '1,,USD,2024-09-01,,P,S,ok,',
      'abc,,USD,2024-09-01,,P,S,bad cost,',
      '2,,USD,2024-09-01,,P,S,ok,',
      '3,,,2024-09-01,,P,S,no currency,',
      '4,,USD,someday,,P,S,bad date,',
      '5,,USD,2024-09-01,,P,S,bad tags,"{""team"": }"',
      '6,,USD,2024-09-01,,P,S,short',
      'zzz,,USD,2023-01-01,,P,S,outside the window,',
      '7,,USD,2024-09-01,,P,S,ok,',
    ];

    it('rejects the fetch, naming the file, the lines and the reasons', async () => {
      dir.setContent({ 'bad.csv': rows.join('\n') });
      await expect(
        collect({ id: 'bad', paths: ['bad.csv'], baseDir: dir.path }, oneDay),
      ).rejects.toMatchObject({
        name: 'InputError',
        message:
          'FOCUS file bad.csv has 5 invalid rows: line 3: BilledCost "abc" is not a decimal number; ' +
          'line 5: BillingCurrency is empty; line 6: ChargePeriodStart "someday" is not a date; ' +
          'line 7: Tags is not valid JSON (Unexpected token \'}\', "{"team": }" is not valid JSON); ' +
          'line 8: has 8 fields where the header has 9',
      });
    });

    it('stops yielding at the first invalid row when rejecting', async () => {
      dir.setContent({ 'bad.csv': rows.join('\n') });
      const yielded: string[] = [];
      const run = async () => {
        for await (const item of FocusCostSource.create({
          id: 'bad',
          paths: ['bad.csv'],
          baseDir: dir.path,
        }).fetch(oneDay, fetchContext())) {
          if (item.type === 'cost') {
            yielded.push(item.record.dimension);
          }
        }
      };
      await expect(run()).rejects.toThrow(/has 5 invalid rows/);
      expect(yielded).toEqual(['ok']);
    });

    it('lists the first ten of many invalid rows', async () => {
      const many = [HEADER];
      for (let i = 0; i < 25; i++) {
        many.push(`x${i},,USD,2024-09-01,,P,S,d,`);
      }
      dir.setContent({ 'many.csv': many.join('\n') });
      const error = await collect({
        id: 'many',
        paths: ['many.csv'],
        baseDir: dir.path,
      }).catch(e => e);
      expect(error.message).toMatch(
        /^FOCUS file many.csv has 25 invalid rows \(the first 10 listed\): line 2: BilledCost "x0"/,
      );
      expect(error.message).toContain('line 11: BilledCost "x9"');
      expect(error.message).not.toContain('line 12:');
    });

    it('skips them and warns with the same detail when told to', async () => {
      dir.setContent({ 'bad.csv': rows.join('\n') });
      const context = fetchContext();
      const records = await collect(
        {
          id: 'bad',
          paths: ['bad.csv'],
          baseDir: dir.path,
          invalidRows: 'skip',
        },
        oneDay,
        context,
      );
      expect(records.map(r => r.billedCostMicros)).toEqual([
        1_000_000n,
        2_000_000n,
        7_000_000n,
      ]);
      expect(context.logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /^focus:bad: skipped invalid rows\. FOCUS file bad.csv has 5 invalid rows: line 3: BilledCost "abc" is not a decimal number; line 5: .*line 8: has 8 fields where the header has 9$/,
        ),
      );
    });
  });
});
