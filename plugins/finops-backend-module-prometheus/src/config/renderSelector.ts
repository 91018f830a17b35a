import { LabelSelector, LabelSelectorParse } from '../promql/LabelSelector';

/** Selects a component's metrics by its name unless configured otherwise. */
export const DEFAULT_SELECTOR_TEMPLATE = '{job="{{name}}"}';

/** What a selector template may refer to. */
export interface SelectorTemplateValues {
  name: string;
  namespace: string;
}

/**
 * Fills a selector template: `{{name}}` and `{{namespace}}` become the entity's name
 * and namespace, escaped for a double-quoted PromQL string. The result must be a
 * label-matcher block.
 */
export function renderSelector(
  template: string,
  values: SelectorTemplateValues,
): LabelSelectorParse {
  let unknown: string | undefined;
  const text = template.replace(
    /\{\{\s*([a-zA-Z]+)\s*\}\}/g,
    (whole, key: string) => {
      if (key !== 'name' && key !== 'namespace') {
        unknown = whole;
        return whole;
      }
      return values[key].replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    },
  );
  if (unknown) {
    return {
      ok: false,
      reason: `unknown placeholder ${unknown} (known: {{name}}, {{namespace}})`,
    };
  }
  return LabelSelector.parse(text);
}
