import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import { sanitizeEntityName, sanitizeTag } from './sanitize';

describe('sanitizeEntityName', () => {
  it.each([
    ['Claude AI Messaging', 'claude-ai-messaging'],
    ['  --Ünïcödé Spëc!! ', 'unicode-spec'],
    ['a__b..c', 'a__b..c'],
    ['v1.0.0-alpha2', 'v1.0.0-alpha2'],
    ['Café / Crème', 'cafe-creme'],
  ])('turns %j into %j', (input, expected) => {
    expect(sanitizeEntityName(input)).toBe(expected);
  });

  it('returns undefined when nothing usable remains', () => {
    expect(sanitizeEntityName('日本語')).toBeUndefined();
    expect(sanitizeEntityName('---')).toBeUndefined();
  });

  it('shortens long names with a hash that keeps them apart', () => {
    const a = sanitizeEntityName(`${'x'.repeat(70)}-a`)!;
    const b = sanitizeEntityName(`${'x'.repeat(70)}-b`)!;
    expect(a).toHaveLength(63);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^x+-[0-9a-f]{8}$/);
    expect(KubernetesValidatorFunctions.isValidObjectName(a)).toBe(true);
  });
});

describe('sanitizeTag', () => {
  it.each([
    ['Content Generation', 'content-generation'],
    ['AI', 'ai'],
    ['c++', 'c++'],
    ['api-governance', 'api-governance'],
    ['  ', undefined],
  ])('turns %j into %j', (input, expected) => {
    expect(sanitizeTag(input)).toBe(expected);
  });
});
