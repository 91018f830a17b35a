import { Item, invalid, isRecord, text } from './specValues';

/** Reads a map of label names to values, leaving out labels without a value. */
export function readLabels(
  value: unknown,
  path: string,
): Record<string, string> {
  if (value === undefined || value === null) {
    return {};
  }
  if (!isRecord(value)) {
    throw invalid(path, value, 'a map of label names to values');
  }
  const labels: Record<string, string> = {};
  for (const [key, label] of Object.entries(value)) {
    const read = text(label, `${path}.${key}`);
    if (read !== undefined) {
      labels[key] = read;
    }
  }
  return labels;
}

/** The labels of the spec's control adapters, the later adapter's winning. */
export function controlLabels(exposes: Item[]): Record<string, string> {
  return Object.assign(
    {},
    ...exposes
      .filter(item => item.value.type === 'control')
      .map(item => readLabels(item.value.labels, `${item.path}.labels`)),
  );
}
