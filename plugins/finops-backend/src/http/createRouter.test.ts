import { spec } from '../schema/openapi';
import { RouterOptions, createRouter } from './createRouter';

/** Options whose every service is a stand-in: routes are only registered, never called. */
function standIn(): any {
  return new Proxy(() => standIn(), { get: () => standIn() });
}

/** The routes an express router serves, as `METHOD /path/{param}`. */
function served(router: any): string[] {
  return router.stack
    .filter((layer: any) => layer.route)
    .flatMap((layer: any) =>
      Object.keys(layer.route.methods).map(
        method =>
          `${method.toUpperCase()} ${layer.route.path.replace(
            /:(\w+)/g,
            '{$1}',
          )}`,
      ),
    );
}

describe('createRouter', () => {
  it('serves every operation of openapi.yaml and no other', async () => {
    const router = await createRouter(standIn() as RouterOptions);
    const documented = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map(method => `${method.toUpperCase()} ${path}`),
    );
    // the validator's own route publishes the spec
    expect(
      served(router)
        .filter(r => r !== 'GET /openapi.json')
        .sort(),
    ).toEqual(documented.sort());
  });
});
