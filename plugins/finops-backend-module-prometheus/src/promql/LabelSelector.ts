import {
  LabelMatcher,
  LabelMatcherReader,
  SelectorSyntaxError,
} from './LabelMatcherReader';
import { formatLabelName } from './names';

export type { LabelMatcher } from './LabelMatcherReader';

/** The outcome of reading a selector: the selector, or why it is not one. */
export type LabelSelectorParse =
  | { ok: true; selector: LabelSelector }
  | { ok: false; reason: string };

/**
 * A PromQL label-matcher block such as `{job="summarizer", env!="dev"}`: the only
 * form accepted for an entity's selector, so that nothing but label matchers reaches
 * the queries built around it.
 */
export class LabelSelector {
  private constructor(readonly matchers: readonly LabelMatcher[]) {}

  /**
   * Reads a label-matcher block. Label names may be classic identifiers or quoted
   * (UTF-8) names; values are PromQL string literals in double, single or back quotes.
   * At least one matcher is required and `__name__` is refused, because the source
   * chooses the metric names itself.
   */
  static parse(text: string): LabelSelectorParse {
    try {
      return {
        ok: true,
        selector: new LabelSelector(new LabelMatcherReader(text).read()),
      };
    } catch (error) {
      if (error instanceof SelectorSyntaxError) {
        return { ok: false, reason: error.message };
      }
      throw error;
    }
  }

  /** The matchers as PromQL, without braces: `job="summarizer", env!="dev"`. */
  toString(): string {
    return this.matchers
      .map(m => `${formatLabelName(m.label)}${m.operator}${m.literal}`)
      .join(', ');
  }
}
