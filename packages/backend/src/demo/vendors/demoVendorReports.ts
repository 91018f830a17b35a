import { generateDemoFocus } from '../demoFocus';
import { AnthropicCostDetails, anthropicRows } from './anthropicRows';
import { demoInvoiceLine } from './demoInvoiceLines';
import { DemoSpendLog, liteLlmSpendLogs } from './liteLlmSpendLogs';
import { openAiRows } from './openAiRows';
import { ReportRow, rowsByDay } from './reportRows';

/**
 * What the vendors' usage and cost APIs hold for the demo: the demo's AI invoice for
 * the days ending on `today`, as OpenAI's organization reports, Anthropic's Admin API
 * reports and the spend logs of the LiteLLM proxy that one capability calls through.
 * The same tokens and money as the invoice.
 */
export interface DemoVendorReports {
  /** The days the reports hold, first and last. */
  from: string;
  to: string;
  openAi: {
    completions: Map<string, ReportRow[]>;
    embeddings: Map<string, ReportRow[]>;
    costs: Map<string, ReportRow[]>;
  };
  anthropic: {
    usage: Map<string, ReportRow[]>;
    cost: Map<string, ReportRow[]>;
    /** What each cost description stands for. */
    costDetails: Map<string, AnthropicCostDetails>;
  };
  /** The proxy's requests, oldest first. */
  liteLlm: DemoSpendLog[];
}

/** The vendors' reports of the demo's AI invoice for the `days` days ending on `today`. */
export function generateDemoVendorReports(options: {
  today: string;
  days: number;
}): DemoVendorReports {
  const lines = generateDemoFocus(options).aiProviders.map(demoInvoiceLine);
  const openAi = openAiRows(lines);
  const anthropic = anthropicRows(lines);
  return {
    from: lines[0].day,
    to: options.today,
    openAi: {
      completions: rowsByDay(openAi.completions),
      embeddings: rowsByDay(openAi.embeddings),
      costs: rowsByDay(openAi.costs),
    },
    anthropic: {
      usage: rowsByDay(anthropic.usage),
      cost: rowsByDay(anthropic.cost),
      costDetails: anthropic.details,
    },
    liteLlm: liteLlmSpendLogs(lines),
  };
}
