import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import { ReconciliationResponse } from '@tollgate/plugin-finops-common';
import { ReconciliationState } from '../../hooks/useReconciliation';
import { PriceSuggestions } from './PriceSuggestions';
import { ReconciliationTable } from './ReconciliationTable';

const AUTHORITIES: Record<
  ReconciliationResponse['sources'][number]['authority'],
  string
> = {
  invoice: 'invoice',
  'vendor-api': 'vendor API',
  telemetry: 'telemetry',
  metered: 'metered usage',
};

function NoRecords(props: { value: ReconciliationResponse }) {
  const { sources } = props.value;
  return (
    <Typography
      variant="body2"
      component="div"
      data-testid="reconciliation-empty"
    >
      <p>
        No model tokens were recorded in the period. Reconciliation sets side by
        side, per provider, model, token type and day: metered usage (telemetry
        sources such as Prometheus token metrics, and usage reported to{' '}
        <code>POST /api/finops/v1/usage</code>), priced by the price book; the
        tokens of vendors' usage APIs (the OpenAI and Anthropic sources), priced
        by the price book; the money of their cost APIs; and invoices (FOCUS
        exports, their BilledCost).
      </p>
      <p>
        Sources read:{' '}
        {sources
          .map(source => `${source.id} (${AUTHORITIES[source.authority]})`)
          .join(', ')}
        .
      </p>
    </Typography>
  );
}

/**
 * Metered usage, vendor usage, the vendor's cost and the invoice per provider, model
 * and token type, their drift, and the prices of the price book that differ from what
 * was billed.
 */
export function ReconciliationCard(props: { state: ReconciliationState }) {
  const { value, loading, error } = props.state;
  return (
    <InfoCard
      title="Reconciliation"
      subheader={
        value
          ? `Metered, vendor and invoiced figures (billed cost), ${value.from} to ${value.to}; drift past ${value.driftAlertPercent}% raises an alert`
          : undefined
      }
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && value.lines.length === 0 && <NoRecords value={value} />}
      {value && value.lines.length > 0 && (
        <>
          <ReconciliationTable
            lines={value.lines}
            currency={value.currency}
            alertPercent={value.driftAlertPercent}
          />
          <PriceSuggestions suggestions={value.priceSuggestions} />
        </>
      )}
    </InfoCard>
  );
}
