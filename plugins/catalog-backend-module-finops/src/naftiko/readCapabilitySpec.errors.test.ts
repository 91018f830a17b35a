import { InputError } from '@backstage/errors';
import { readCapabilitySpec } from './readCapabilitySpec';

function errorOf(source: string): string {
  try {
    readCapabilitySpec(source);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected readCapabilitySpec to throw');
}

describe('readCapabilitySpec', () => {
  it.each([
    ['invalid YAML', 'naftiko: [unclosed', /^is not valid YAML: /],
    [
      'YAML that is not a map',
      '- a\n- b',
      /is not a Naftiko or Ikanos capability spec: expected a top-level "naftiko:" or "ikanos:" version key/,
    ],
    [
      'a catalog entity',
      'apiVersion: backstage.io/v1alpha1\nkind: Component',
      /is not a Naftiko or Ikanos capability spec/,
    ],
    [
      'both version keys',
      'naftiko: "1"\nikanos: "1"\ncapability: {}',
      /declares both "naftiko" and "ikanos" versions/,
    ],
    [
      'a missing version',
      'naftiko:\ncapability: {}',
      /^naftiko is missing: expected a string/,
    ],
    [
      'a shared adapter file',
      'ikanos: 1.0.0-beta5\nconsumes:\n  - namespace: a\n    type: http\n    baseUri: https://a',
      /has no "capability" section/,
    ],
    [
      'a capability that is a list',
      'naftiko: "1"\ncapability: [1]',
      /^capability has invalid value \[1\]: expected a map/,
    ],
    [
      'labels that are a list',
      'naftiko: "1"\ninfo: { labels: [a] }\ncapability: {}',
      /^info\.labels has invalid value \["a"\]: expected a map of label names to values/,
    ],
    [
      'a nested label value',
      'naftiko: "1"\ninfo: { labels: { team: { a: 1 } } }\ncapability: {}',
      /^info\.labels\.team has invalid value \{"a":1\}: expected a string/,
    ],
    [
      'a stakeholder without role',
      'naftiko: "1"\ninfo: { stakeholders: [{ fullName: X }] }\ncapability: {}',
      /^info\.stakeholders\[0\]\.role is missing/,
    ],
    [
      'a consumes entry of another type',
      'naftiko: "1"\ncapability:\n  consumes:\n    - { type: grpc, namespace: a }',
      /^capability\.consumes\[0\]\.type has invalid value "grpc": expected http, or an import/,
    ],
    [
      'a consumes adapter without namespace',
      'naftiko: "1"\ncapability:\n  consumes:\n    - { type: http, baseUri: "https://a" }',
      /^capability\.consumes\[0\]\.namespace is missing/,
    ],
    [
      'an unknown method',
      'naftiko: "1"\ncapability:\n  consumes:\n    - type: http\n      namespace: a\n      resources:\n        - { name: r, path: /r, operations: [{ name: o, method: FETCH }] }',
      /^capability\.consumes\[0\]\.resources\[0\]\.operations\[0\]\.method has invalid value "FETCH": expected one of GET, POST/,
    ],
    [
      'operations that are a string',
      'naftiko: "1"\ncapability:\n  consumes:\n    - type: http\n      namespace: a\n      resources:\n        - { name: r, path: /r, operations: all }',
      /operations has invalid value "all": expected a list or a map/,
    ],
    [
      'tags that are not a list',
      'naftiko: "1"\ncapability:\n  consumes:\n    - { type: http, namespace: a, tags: metered }',
      /^capability\.consumes\[0\]\.tags has invalid value "metered": expected a list of strings/,
    ],
    [
      'an unknown exposed type',
      'naftiko: "1"\ncapability:\n  exposes:\n    - { type: grpc, namespace: a }',
      /^capability\.exposes\[0\]\.type has invalid value "grpc": expected one of rest, mcp, skill, control, or an import/,
    ],
    [
      'an MCP tool without name',
      'naftiko: "1"\ncapability:\n  exposes:\n    - { type: mcp, namespace: a, port: 1, tools: [{ description: x }] }',
      /^capability\.exposes\[0\]\.tools\[0\]\.name is missing/,
    ],
    [
      'a bad port',
      'naftiko: "1"\ncapability:\n  exposes:\n    - { type: mcp, namespace: a, port: "eighty", tools: [] }',
      /^capability\.exposes\[0\]\.port has invalid value "eighty": expected a port number/,
    ],
    [
      'an exposed REST resource without path',
      'naftiko: "1"\ncapability:\n  exposes:\n    - { type: rest, namespace: a, port: 1, resources: [{ name: r }] }',
      /^capability\.exposes\[0\]\.resources\[0\]\.path is missing/,
    ],
  ])('rejects %s, naming the field', (_, source, message) => {
    expect(errorOf(source)).toMatch(message);
  });
});
