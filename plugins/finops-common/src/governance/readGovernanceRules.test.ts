import { InputError } from '@backstage/errors';
import { readGovernanceRules } from './readGovernanceRules';

function errorOf(governance: unknown): Error {
  try {
    readGovernanceRules(governance);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as Error;
  }
  throw new Error('expected readGovernanceRules to throw');
}

describe('readGovernanceRules', () => {
  it('defaults to cost-center-required, advisory, on components', () => {
    const defaults = [
      { id: 'cost-center-required', level: 'advisory', kinds: ['Component'] },
    ];
    expect(readGovernanceRules(undefined)).toEqual(defaults);
    expect(readGovernanceRules(null)).toEqual(defaults);
    expect(readGovernanceRules({})).toEqual(defaults);
  });

  it('reads configured rules with their filters', () => {
    expect(
      readGovernanceRules({
        rules: [
          {
            id: 'cost-center-required',
            level: 'enforced',
            kinds: ['Component', 'System'],
          },
          {
            id: 'team-required',
            level: 'advisory',
            types: ['service'],
            namespaces: [' prod '],
          },
          {
            id: 'billing-granularity-required',
            level: 'enforced',
            kinds: ['api'],
          },
          { id: 'valid-label-values', level: 'enforced' },
          { id: 'unique-vendor-ids', level: 'advisory' },
        ],
      }),
    ).toEqual([
      {
        id: 'cost-center-required',
        level: 'enforced',
        kinds: ['Component', 'System'],
      },
      {
        id: 'team-required',
        level: 'advisory',
        types: ['service'],
        namespaces: ['prod'],
      },
      { id: 'billing-granularity-required', level: 'enforced', kinds: ['api'] },
      { id: 'valid-label-values', level: 'enforced' },
      { id: 'unique-vendor-ids', level: 'advisory' },
    ]);
  });

  it('configures no rule for an empty list', () => {
    expect(readGovernanceRules({ rules: [] })).toEqual([]);
  });

  it.each([
    [
      'a scalar section',
      'strict',
      'tollgate.governance has invalid value "strict": expected a map with a "rules" list',
    ],
    [
      'rules that are not a list',
      { rules: { id: 'team-required' } },
      'tollgate.governance.rules has invalid value {"id":"team-required"}: expected a list of rules',
    ],
    [
      'a rule that is not a map',
      { rules: ['cost-center-required'] },
      'tollgate.governance.rules[0] has invalid value "cost-center-required": expected a rule with an id and a level',
    ],
    [
      'an unknown rule id',
      {
        rules: [
          { id: 'team-required', level: 'advisory' },
          { id: 'owner-required', level: 'advisory' },
        ],
      },
      'tollgate.governance.rules[1].id has invalid value "owner-required": expected one of cost-center-required, team-required, budget-required, billing-granularity-required, operation-billing-tags, valid-label-values, unique-vendor-ids',
    ],
    [
      'a bad level',
      { rules: [{ id: 'team-required', level: 'strict' }] },
      'tollgate.governance.rules[0].level has invalid value "strict": expected one of advisory, enforced',
    ],
    [
      'a missing level',
      { rules: [{ id: 'team-required' }] },
      'tollgate.governance.rules[0].level has invalid value undefined: expected one of advisory, enforced',
    ],
    [
      'an unknown field',
      {
        rules: [{ id: 'team-required', level: 'advisory', kind: 'Component' }],
      },
      'tollgate.governance.rules[0] has unknown field "kind": expected only id, level, kinds, types, namespaces',
    ],
    [
      'kinds given as a string',
      {
        rules: [{ id: 'team-required', level: 'advisory', kinds: 'Component' }],
      },
      'tollgate.governance.rules[0].kinds has invalid value "Component": expected a non-empty list of names',
    ],
    [
      'an empty list of types',
      { rules: [{ id: 'team-required', level: 'advisory', types: [] }] },
      'tollgate.governance.rules[0].types has invalid value []: expected a non-empty list',
    ],
    [
      'a blank namespace',
      {
        rules: [
          { id: 'team-required', level: 'advisory', namespaces: ['prod', ' '] },
        ],
      },
      'tollgate.governance.rules[0].namespaces has invalid value ["prod"," "]',
    ],
    [
      'an API rule on components',
      {
        rules: [
          {
            id: 'operation-billing-tags',
            level: 'advisory',
            kinds: ['API', 'Component'],
          },
        ],
      },
      'tollgate.governance.rules[0].kinds has invalid value ["API","Component"]: expected only API: operation-billing-tags applies to API entities ("Component" is not one)',
    ],
    [
      'an advisory syntax rule',
      { rules: [{ id: 'valid-label-values', level: 'advisory' }] },
      'tollgate.governance.rules[0].level has invalid value "advisory": expected enforced: valid-label-values always runs and is always enforced',
    ],
    [
      'a filtered syntax rule',
      {
        rules: [
          { id: 'valid-label-values', level: 'enforced', kinds: ['Component'] },
        ],
      },
      'tollgate.governance.rules[0].kinds has invalid value ["Component"]: expected no filter: valid-label-values checks every entity',
    ],
    [
      'an enforced vendor claim rule',
      { rules: [{ id: 'unique-vendor-ids', level: 'enforced' }] },
      'tollgate.governance.rules[0].level has invalid value "enforced": expected advisory: unique-vendor-ids always runs and is always advisory',
    ],
    [
      'a filtered vendor claim rule',
      {
        rules: [
          { id: 'unique-vendor-ids', level: 'advisory', namespaces: ['ml'] },
        ],
      },
      'tollgate.governance.rules[0].namespaces has invalid value ["ml"]: expected no filter: unique-vendor-ids checks the whole catalog',
    ],
  ])(
    'rejects %s naming the index, the field and the value',
    (_, config, message) => {
      expect(errorOf(config).message).toContain(message);
    },
  );
});
