import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { read } from './__testUtils__/naftikoProcessor';

describe('NaftikoCapabilityProcessor', () => {
  beforeEach(() => jest.resetAllMocks());

  describe('on bad input', () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'naftiko-'));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    const write = (name: string, content: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    };

    it.each([
      ['broken.yml', 'naftiko: [unclosed', 'is not valid YAML'],
      [
        'entity.yml',
        'apiVersion: backstage.io/v1alpha1\nkind: Component\n',
        'is not a Naftiko or Ikanos capability spec',
      ],
      [
        'shared.yml',
        'ikanos: 1.0.0-beta5\nbinds:\n  - namespace: env\n',
        'has no "capability" section',
      ],
      [
        'conflict.yml',
        'naftiko: "1"\ninfo: { label: X }\ncapability:\n  consumes:\n    - { type: http, namespace: a, tags: [free, metered] }\n',
        'consumes "a" has conflicting billing tags free, metered',
      ],
    ])(
      'reports %s as an input error naming the file',
      async (name, content, text) => {
        const file = write(name, content);
        const { handled, entities, results } = await read(file);
        expect(handled).toBe(true);
        expect(entities).toEqual([]);
        expect(results).toEqual([
          {
            type: 'error',
            location: { type: 'naftiko', target: file },
            error: expect.objectContaining({
              name: 'InputError',
              message: expect.stringContaining(
                `Naftiko capability spec ${file}: `,
              ),
            }),
          },
        ]);
        expect((results[0] as { error: Error }).error.message).toContain(text);
      },
    );

    it('reports a missing file unless the location is optional', async () => {
      const missing = path.join(dir, 'missing.yml');
      const required = await read(missing);
      expect(required.errors).toEqual([
        expect.objectContaining({
          name: 'NotFoundError',
          message: `Naftiko capability spec ${missing} does not exist`,
        }),
      ]);
      expect((await read(missing, { optional: true })).results).toEqual([]);
    });

    it('reports a directory as a read error', async () => {
      const { errors } = await read(dir);
      expect(errors).toEqual([
        expect.objectContaining({
          message: expect.stringContaining(
            `Naftiko capability spec ${dir} could not be read`,
          ),
        }),
      ]);
    });
  });
});
