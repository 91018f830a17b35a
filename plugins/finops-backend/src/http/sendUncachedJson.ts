import { Response } from 'express';

/**
 * Answers 200 with a JSON body that must not be cached, written straight to the
 * response: unlike `res.json`, no ETag is hashed and no content type parsed again, which
 * matters on the guardrail's hot path.
 */
export function sendUncachedJson(res: Response, value: unknown) {
  const body = JSON.stringify(value);
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}
