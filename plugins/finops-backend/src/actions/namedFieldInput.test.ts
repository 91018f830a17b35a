import { z } from 'zod/v3';
import zodToJsonSchema from 'zod-to-json-schema';
import { namedFieldInput } from './namedFieldInput';

describe('namedFieldInput', () => {
  const schema = namedFieldInput(z, {
    entityRef: z.string().describe('The entity'),
    ttlSeconds: z.number().int().optional(),
  });

  it('passes valid input through', () => {
    expect(schema.parse({ entityRef: 'component:default/a' })).toEqual({
      entityRef: 'component:default/a',
    });
  });

  it('names each field that is wrong', () => {
    expect(() => schema.parse({ ttlSeconds: 'soon', extra: 1 })).toThrow(
      'Invalid input: entityRef is required; ttlSeconds is invalid: Expected number, received string; the input has unknown fields extra',
    );
  });

  it('refuses with InputError', () => {
    expect(() => schema.parse({})).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
  });

  it('describes itself to clients as the plain object schema', () => {
    expect(zodToJsonSchema(schema)).toMatchObject({
      type: 'object',
      properties: {
        entityRef: { type: 'string', description: 'The entity' },
        ttlSeconds: { type: 'integer' },
      },
      required: ['entityRef'],
    });
  });
});
