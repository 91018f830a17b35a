import {
  ALLOCATION_NUMBER_FIELDS,
  OpenCostAllocation,
} from './OpenCostAllocation';

/** Why an OpenCost answer could not be used. */
export type AllocationResponseProblem =
  | { kind: 'malformed'; message: string }
  | { kind: 'code'; code: unknown; message: string };

export type ParsedAllocationResponse =
  | { ok: true; sets: OpenCostAllocation[][] }
  | { ok: false; problem: AllocationResponseProblem };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function malformed(message: string): ParsedAllocationResponse {
  return { ok: false, problem: { kind: 'malformed', message } };
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.slice(0, 80);
}

function readStringMap(value: unknown): Record<string, string> {
  if (!isObject(value)) {
    return {};
  }
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

function parseAllocation(
  name: string,
  value: unknown,
  where: string,
): OpenCostAllocation | string {
  if (!isObject(value)) {
    return `${where} is ${describe(value)}, expected an allocation object`;
  }
  const values: OpenCostAllocation['values'] = {};
  for (const field of ALLOCATION_NUMBER_FIELDS) {
    const raw = value[field];
    if (raw === undefined || raw === null) {
      continue;
    }
    if (typeof raw !== 'number' || !Number.isFinite(raw)) {
      return `${where}.${field} is ${describe(raw)}, expected a number`;
    }
    values[field] = raw;
  }
  if (values.totalCost === undefined && value.totalCost === undefined) {
    return `${where} has no totalCost`;
  }
  const properties = isObject(value.properties) ? value.properties : {};
  const text = (key: string) =>
    typeof properties[key] === 'string' && properties[key]
      ? (properties[key] as string)
      : undefined;
  return {
    name,
    cluster: text('cluster'),
    namespace: text('namespace'),
    controller: text('controller'),
    controllerKind: text('controllerKind'),
    pod: text('pod'),
    labels: readStringMap(properties.labels),
    values,
  };
}

/**
 * Checks the body of an OpenCost or Kubecost allocation answer,
 * `{ code: 200, data: [ { <name>: Allocation, ... }, ... ] }`, and answers its sets,
 * or the problem that makes it unusable.
 */
export function parseAllocationResponse(
  body: unknown,
): ParsedAllocationResponse {
  if (!isObject(body)) {
    return malformed(`the body is ${describe(body)}, expected a JSON object`);
  }
  if (body.code !== undefined && body.code !== 200) {
    const message =
      typeof body.message === 'string' && body.message
        ? body.message
        : describe(body.status ?? body.warning ?? '');
    return {
      ok: false,
      problem: { kind: 'code', code: body.code, message },
    };
  }
  if (!Array.isArray(body.data)) {
    return malformed(
      `data is ${describe(body.data)}, expected an array of sets`,
    );
  }
  const sets: OpenCostAllocation[][] = [];
  for (const [index, set] of body.data.entries()) {
    if (set === null) {
      sets.push([]);
      continue;
    }
    if (!isObject(set)) {
      return malformed(
        `data[${index}] is ${describe(set)}, expected a map of allocations`,
      );
    }
    const allocations: OpenCostAllocation[] = [];
    for (const name of Object.keys(set).sort()) {
      const allocation = parseAllocation(
        name,
        set[name],
        `data[${index}][${JSON.stringify(name)}]`,
      );
      if (typeof allocation === 'string') {
        return malformed(allocation);
      }
      allocations.push(allocation);
    }
    sets.push(allocations);
  }
  return { ok: true, sets };
}
