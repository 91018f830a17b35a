import { LabelSelector } from './LabelSelector';

function parse(text: string) {
  const result = LabelSelector.parse(text);
  if (!result.ok) {
    throw new Error(result.reason);
  }
  return result.selector;
}

describe('LabelSelector', () => {
  it.each([
    ['{job="summarizer"}', 'job="summarizer"'],
    [
      ' { job = "a" , env!="dev", path=~"/v1/.*",zone!~\'eu-.*\', } ',
      'job="a", env!="dev", path=~"/v1/.*", zone!~\'eu-.*\'',
    ],
    ['{job=`raw\\path`}', 'job=`raw\\path`'],
    [
      '{job="with \\"quotes\\" and \\u00e9"}',
      'job="with \\"quotes\\" and \\u00e9"',
    ],
    ['{"service.name"="summarizer"}', '"service.name"="summarizer"'],
    ['{\'quoted_but_classic\'="x"}', 'quoted_but_classic="x"'],
  ])('reads %s', (text, matchers) => {
    expect(parse(text).toString()).toBe(matchers);
  });

  it('keeps the matchers apart', () => {
    expect(parse('{"k8s.namespace.name"=~"a|b", job="x"}').matchers).toEqual([
      { label: 'k8s.namespace.name', operator: '=~', literal: '"a|b"' },
      { label: 'job', operator: '=', literal: '"x"' },
    ]);
  });

  it.each([
    ['job="summarizer"', /expected "\{"/],
    ['{}', /no label matcher/],
    ['{job}', /expected one of/],
    ['{job="a"', /expected "," or "\}"/],
    ['{job="a"} or vector(1)', /unexpected text after/],
    ['{job="a"}) or up{job="b"}', /unexpected text after/],
    ['{job=a}', /expected a quoted string/],
    ['{job="a}', /unterminated string/],
    ['{job="a\\qb"}', /invalid escape/],
    ['{__name__="up"}', /__name__ may not be matched/],
    ['{9job="a"}', /expected a label name/],
    ['{job=="a"}', /expected a quoted string/],
    ['{""="a"}', /non-empty label name/],
  ])('refuses %s', (text, reason) => {
    const result = LabelSelector.parse(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
});
