import {
  BUDGETED_ENTITY_KINDS,
  COSTED_ENTITY_KINDS,
  LABELLED_ENTITY_KINDS,
  isKindOf,
} from './entityKinds';

describe('entity kinds', () => {
  it('costs the kinds that spend can be attributed to', () => {
    expect(COSTED_ENTITY_KINDS).toEqual([
      'Component',
      'Resource',
      'System',
      'API',
      'Group',
      'Domain',
    ]);
  });

  it('budgets every costed kind by ref but Group, whose budget is its team', () => {
    expect(BUDGETED_ENTITY_KINDS).toEqual([
      'Component',
      'Resource',
      'System',
      'API',
      'Domain',
    ]);
  });

  it('labels every costed kind but those that gather the spend of others', () => {
    expect(LABELLED_ENTITY_KINDS).toEqual([
      'Component',
      'Resource',
      'System',
      'API',
    ]);
  });

  it.each(COSTED_ENTITY_KINDS)('knows %s in any case', kind => {
    expect(isKindOf(COSTED_ENTITY_KINDS, kind)).toBe(true);
    expect(isKindOf(COSTED_ENTITY_KINDS, kind.toLocaleLowerCase('en-US'))).toBe(
      true,
    );
    expect(isKindOf(COSTED_ENTITY_KINDS, kind.toLocaleUpperCase('en-US'))).toBe(
      true,
    );
  });

  it.each(['User', 'Location', 'Template', ''])('does not cost a %s', kind => {
    expect(isKindOf(COSTED_ENTITY_KINDS, kind)).toBe(false);
  });
});
