import { InputError } from '@backstage/errors';
import { parse } from 'yaml';
import { CapabilitySpec } from './CapabilitySpec';
import { readConsumed } from './read/readConsumed';
import { readExposed } from './read/readExposed';
import { controlLabels, readLabels } from './read/readLabels';
import { readStakeholders } from './read/readStakeholders';
import {
  invalid,
  isRecord,
  items,
  required,
  text,
  texts,
} from './read/specValues';

/**
 * Reads a Naftiko or Ikanos capability spec: YAML with a top-level `naftiko:` or
 * `ikanos:` version key and a `capability` section.
 *
 * @throws InputError naming the field at fault and the expected form.
 */
export function readCapabilitySpec(source: string): CapabilitySpec {
  let document: unknown;
  try {
    document = parse(source, { maxAliasCount: 100 });
  } catch (e) {
    throw new InputError(
      `is not valid YAML: ${
        (e instanceof Error ? e.message : String(e)).split('\n')[0]
      }`,
    );
  }
  const expectedKey = 'a top-level "naftiko:" or "ikanos:" version key';
  if (!isRecord(document)) {
    throw new InputError(
      `is not a Naftiko or Ikanos capability spec: expected ${expectedKey}`,
    );
  }
  if ('naftiko' in document && 'ikanos' in document) {
    throw new InputError(
      `declares both "naftiko" and "ikanos" versions: expected ${expectedKey}`,
    );
  }
  const format = 'ikanos' in document ? 'ikanos' : 'naftiko';
  if (!(format in document)) {
    throw new InputError(
      `is not a Naftiko or Ikanos capability spec: expected ${expectedKey}`,
    );
  }
  const version = required(document[format], format);
  const capability = document.capability;
  if (capability === undefined || capability === null) {
    throw new InputError(
      'has no "capability" section: only capability specs are imported; shared consumes, exposes or binds files are not',
    );
  }
  if (!isRecord(capability)) {
    throw invalid('capability', capability, 'a map with consumes and exposes');
  }
  const info = document.info ?? {};
  if (!isRecord(info)) {
    throw invalid('info', info, 'a map');
  }
  const exposes = items(capability.exposes, 'capability.exposes');
  const labels = {
    ...controlLabels(exposes),
    ...readLabels(info.labels, 'info.labels'),
  };
  return {
    format,
    version,
    name: text(info.name, 'info.name'),
    title: text(
      info.label ?? info.display,
      format === 'ikanos' ? 'info.display' : 'info.label',
    ),
    description: text(info.description, 'info.description'),
    infoVersion: text(info.version, 'info.version'),
    tags: texts(info.tags, 'info.tags'),
    labels,
    stakeholders: readStakeholders(info.stakeholders),
    consumes: [
      ...items(document.consumes, 'consumes'),
      ...items(capability.consumes, 'capability.consumes'),
    ].map(readConsumed),
    exposes: exposes
      .filter(item => item.value.type !== 'control')
      .map(readExposed),
  };
}
