import { parseLabelSelector, readLabel, sanitizeLabelName } from './labels';

describe('sanitizeLabelName', () => {
  it('writes label names the way OpenCost reports them', () => {
    expect(sanitizeLabelName('backstage.io/kubernetes-id')).toBe(
      'backstage_io_kubernetes_id',
    );
    expect(sanitizeLabelName('app')).toBe('app');
  });
});

describe('parseLabelSelector', () => {
  it('reads key=value and key==value lists', () => {
    expect(
      parseLabelSelector('app.kubernetes.io/name=summarizer, tier==backend'),
    ).toEqual([
      { key: 'app.kubernetes.io/name', value: 'summarizer' },
      { key: 'tier', value: 'backend' },
    ]);
  });

  it.each([
    'app!=summarizer',
    'app in (a,b)',
    '!app',
    'app',
    '',
    'app=summarizer,',
    'bad key=x',
    'app=not valid',
  ])('refuses %j, which it cannot match', selector => {
    expect(parseLabelSelector(selector)).toBeUndefined();
  });
});

describe('readLabel', () => {
  it('finds a label under its own or its sanitized name', () => {
    expect(
      readLabel({ app_kubernetes_io_name: 'x' }, 'app.kubernetes.io/name'),
    ).toBe('x');
    expect(
      readLabel({ 'app.kubernetes.io/name': 'y' }, 'app.kubernetes.io/name'),
    ).toBe('y');
    expect(readLabel({}, 'app')).toBeUndefined();
  });
});
