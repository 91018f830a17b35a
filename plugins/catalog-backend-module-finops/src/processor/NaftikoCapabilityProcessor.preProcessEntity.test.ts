import { Entity } from '@backstage/catalog-model';
import { processor } from './__testUtils__/naftikoProcessor';

describe('NaftikoCapabilityProcessor', () => {
  beforeEach(() => jest.resetAllMocks());

  describe('preProcessEntity', () => {
    const location = (target: string, targets?: string[]): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: { name: 'caps' },
      spec: { type: 'naftiko', target, ...(targets ? { targets } : {}) },
    });

    it('resolves relative targets against a file location', async () => {
      const entity = await processor().preProcessEntity(
        location('./caps/triage.yml', ['other.yml', '/abs/x.yml']),
        { type: 'file', target: '/repo/catalog/all.yaml' },
      );
      expect(entity.spec).toEqual({
        type: 'naftiko',
        target: '/repo/catalog/caps/triage.yml',
        targets: ['/repo/catalog/other.yml', '/abs/x.yml'],
      });
    });

    it('resolves relative targets against a URL location', async () => {
      const entity = await processor().preProcessEntity(
        location('../caps/triage.yml'),
        {
          type: 'url',
          target: 'https://github.com/acme/repo/blob/main/catalog/all.yaml',
        },
      );
      expect(entity.spec?.target).toBe(
        'https://github.com/acme/repo/blob/main/caps/triage.yml',
      );
    });

    it('leaves other entities alone', async () => {
      const other = {
        ...location('./x.yml'),
        spec: { type: 'url', target: './x.yml' },
      };
      const base = { type: 'file', target: '/repo/all.yaml' };
      await expect(processor().preProcessEntity(other, base)).resolves.toBe(
        other,
      );
      const absolute = location('https://example.com/x.yml');
      await expect(
        processor().preProcessEntity(absolute, base),
      ).resolves.toEqual(absolute);
    });
  });
});
