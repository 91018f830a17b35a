import { readApiServers, serverHostMatches } from './readApiServers';

describe('readApiServers', () => {
  it('reads OpenAPI servers from YAML block sequences', () => {
    const definition = [
      'openapi: 3.0.0',
      'info:',
      '  title: Example # with a comment',
      '  description: "url: https://not-a-server.example.com"',
      'servers:',
      '  - url: https://api.openai.com/v1',
      '    description: production',
      '  - description: regional',
      "    url: 'https://{region}.api.example.com:8443/v2/'",
      '    variables:',
      '      region:',
      '        default: eu',
      '        url: https://nested.example.com',
      'paths:',
      '  /chat/completions:',
      '    post:',
      '      servers:',
      '        - url: https://operation-level.example.com',
    ].join('\n');
    expect(readApiServers(definition)).toEqual([
      { host: 'api.openai.com', basePath: '/v1' },
      { host: '{region}.api.example.com', basePath: '/v2' },
    ]);
  });

  it('reads sequences written at the key indentation and flow sequences', () => {
    expect(
      readApiServers(
        'servers:\n- url: "https://a.example.com"\n- url: https://b.example.com/x\n',
      ),
    ).toEqual([
      { host: 'a.example.com', basePath: '' },
      { host: 'b.example.com', basePath: '/x' },
    ]);
    expect(
      readApiServers(
        "servers: [{url: 'https://c.example.com/api'}, { url: https://d.example.com }]",
      ),
    ).toEqual([
      { host: 'c.example.com', basePath: '/api' },
      { host: 'd.example.com', basePath: '' },
    ]);
  });

  it('reads JSON and Swagger 2 definitions', () => {
    expect(
      readApiServers(
        JSON.stringify({
          servers: [{ url: 'https://API.Stripe.com/' }, { url: '/relative' }],
        }),
      ),
    ).toEqual([{ host: 'api.stripe.com', basePath: '' }]);
    expect(
      readApiServers(
        'swagger: "2.0"\nhost: petstore.example.com\nbasePath: /v2\n',
      ),
    ).toEqual([{ host: 'petstore.example.com', basePath: '/v2' }]);
    expect(
      readApiServers(
        JSON.stringify({
          swagger: '2.0',
          host: 'x.example.com',
          basePath: '/b',
        }),
      ),
    ).toEqual([{ host: 'x.example.com', basePath: '/b' }]);
  });

  it('leaves out definitions without absolute server URLs', () => {
    expect(readApiServers('openapi: 3.0.0\nservers:\n  - url: /v1\n')).toEqual(
      [],
    );
    expect(readApiServers('asyncapi: 2.6.0\n')).toEqual([]);
  });
});

describe('serverHostMatches', () => {
  it('compares hosts without case and port, with variables matching one label', () => {
    expect(
      serverHostMatches(
        { host: 'api.openai.com', basePath: '' },
        'API.openai.com:443',
      ),
    ).toBe(true);
    expect(
      serverHostMatches(
        { host: 'api.openai.com', basePath: '' },
        'api.openai.com.evil.net',
      ),
    ).toBe(false);
    const regional = { host: '{region}.api.example.com', basePath: '' };
    expect(serverHostMatches(regional, 'eu.api.example.com')).toBe(true);
    expect(serverHostMatches(regional, 'a.b.api.example.com')).toBe(false);
    expect(serverHostMatches(regional, 'euXapi.example.com')).toBe(false);
  });
});
