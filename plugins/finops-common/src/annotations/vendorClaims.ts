import { Entity } from '@backstage/catalog-model';
import { VENDOR_ID_ANNOTATIONS, VendorIdAnnotation } from './keys';
import { ParseResult, parseError, parsed } from './ParseResult';
import type { AnnotationProblem } from './readEntityCostLabels';

/** More ids than this in one annotation are surely a mistake. */
const MAX_VENDOR_IDS = 200;
/** One id: no whitespace, comma or control character, at most 255 characters. */
const VENDOR_ID_PATTERN = /^[^\s,\p{Cc}]{1,255}$/u;

/**
 * Parses a list of vendor ids such as "proj_abc,proj_def": comma-separated ids (spaces
 * around the commas are ignored), each at most 255 characters without whitespace, and
 * each listed once.
 *
 * @public
 */
export function parseVendorIds(
  name: string,
  value: unknown,
): ParseResult<string[]> {
  const expected =
    'comma-separated ids without spaces, each listed once, such as "proj_abc,proj_def"';
  if (typeof value !== 'string' || value.length > 64 * 1024) {
    return parseError(name, value, expected);
  }
  const ids = value.split(',').map(id => id.trim());
  if (ids.length > MAX_VENDOR_IDS) {
    return parseError(name, value, `at most ${MAX_VENDOR_IDS} ${expected}`);
  }
  const seen = new Set<string>();
  for (const id of ids) {
    if (!VENDOR_ID_PATTERN.test(id)) {
      return parseError(name, value, expected);
    }
    if (seen.has(id)) {
      return parseError(
        name,
        value,
        `${expected} (${JSON.stringify(id)} is listed twice)`,
      );
    }
    seen.add(id);
  }
  return parsed(ids);
}

/** The vendor ids one annotation of an entity lists. @public */
export interface VendorClaim {
  annotation: VendorIdAnnotation;
  ids: string[];
}

/**
 * Reads the vendor ids an entity claims: the projects, workspaces, teams and API keys
 * whose spend belongs to it. Never throws: a malformed annotation claims nothing and is
 * reported in `problems`.
 *
 * @public
 */
export function readVendorClaims(entity: Entity): {
  claims: VendorClaim[];
  problems: AnnotationProblem[];
} {
  const annotations = entity.metadata?.annotations ?? {};
  const claims: VendorClaim[] = [];
  const problems: AnnotationProblem[] = [];
  for (const annotation of VENDOR_ID_ANNOTATIONS) {
    if (!(annotation in annotations)) {
      continue;
    }
    const result = parseVendorIds(annotation, annotations[annotation]);
    if (result.ok) {
      claims.push({ annotation, ids: result.value });
    } else {
      problems.push({ annotation, message: result.error });
    }
  }
  return { claims, problems };
}
