import { InputError } from '@backstage/errors';
import { ErrorRequestHandler, Request } from 'express';
import { resolveSpecParameters, specQueryMessages } from './specParameters';

/** A message of the spec's validator: the request part, the field and what is wrong. */
const FIELD = /^request\/(query|params|body)(?:\/(\S+))? (.*)$/;
const REQUIRED = /^must have required property '([^']+)'$/;
const UNKNOWN = /^Unknown query parameter '([^']+)'$/;

const PART_LABEL = {
  query: 'Query parameter',
  params: 'Path parameter',
  body: 'Request body field',
} as const;

/** The query parameters the request's operation takes, as the validator found it. */
function queryParameters(req: Request): string[] {
  const schema = (req as { openapi?: { schema?: { parameters?: unknown } } })
    .openapi?.schema;
  return resolveSpecParameters(schema?.parameters)
    .filter(p => p.in === 'query')
    .map(p => p.name);
}

function describePart(part: string, req: Request): string {
  const unknown = UNKNOWN.exec(part);
  if (unknown) {
    return specQueryMessages.unknown(unknown[1], queryParameters(req));
  }
  const match = FIELD.exec(part);
  if (!match) {
    return part;
  }
  const [, where, path, problem] = match as unknown as [
    string,
    keyof typeof PART_LABEL,
    string | undefined,
    string,
  ];
  const required = REQUIRED.exec(problem);
  if (!path) {
    return required
      ? `${PART_LABEL[where]} ${required[1]} is required`
      : `${where === 'body' ? 'Request body' : PART_LABEL[where]} ${problem}`;
  }
  const name = path.replace(/\//g, '.');
  const source = where === 'params' ? req.params : req[where];
  const value = source?.[path.split('/')[0]];
  if (where === 'query' && Array.isArray(value)) {
    return specQueryMessages.repeated(name);
  }
  if (required) {
    return `${PART_LABEL[where]} ${name}.${required[1]} is required`;
  }
  return where === 'body'
    ? `${PART_LABEL[where]} ${name} ${problem}`
    : `${PART_LABEL[where]} ${name} has invalid value ${JSON.stringify(
        value,
      )}: ${problem}`;
}

/**
 * The spec validator's message in the words of the API's other errors: each part names
 * the parameter and the value given, such as `Query parameter groupBy has invalid value
 * "colour": must be equal to one of the allowed values: ...`.
 */
export function describeSpecError(message: string, req: Request): string {
  return message
    .split(/, (?=request\/)/)
    .map(part => describePart(part, req))
    .join('; ');
}

/** Words the 400s of the spec's validator as the API's other errors; passes the rest on. */
export function specErrorHandler(): ErrorRequestHandler {
  return (error, req, _res, next) => {
    const fromValidator =
      error instanceof Error &&
      error.name === 'InputError' &&
      (FIELD.test(error.message) || UNKNOWN.test(error.message));
    next(
      fromValidator
        ? new InputError(describeSpecError(error.message, req))
        : error,
    );
  };
}
