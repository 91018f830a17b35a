import http from 'node:http';

/** A request to a vendor API of the replay. */
export interface VendorRequest {
  method: string;
  /** The path without the query. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: http.IncomingHttpHeaders;
}

/** What the replay answers: a status and a body, written as JSON unless text. */
export interface VendorAnswer {
  status: number;
  headers?: Record<string, string>;
  /** JSON text, or a value written as JSON (see jsonWithDecimals.ts). */
  body: unknown;
}

/** The bearer token of a request's Authorization header, or undefined. */
export function bearerToken(request: VendorRequest): string | undefined {
  const header = request.headers.authorization;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** A whole number parameter between 1 and max, its default when absent. */
export function limitParam(
  query: URLSearchParams,
  name: string,
  defaultValue: number,
  max: number,
): number | string {
  const text = query.get(name);
  if (text === null) return defaultValue;
  const value = Number(text);
  return /^\d+$/.test(text) && value >= 1 && value <= max
    ? value
    : `${name} must be a whole number from 1 to ${max}, not "${text}"`;
}
