import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  Box,
  Button,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import { AlertKind } from '@tollgate/plugin-finops-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { finopsApiRef } from '../../api';
import { AlarmChip, useAlarmStyles } from '../AlarmChip';
import { errorMessage } from '../errorMessage';
import { formatTimestamp } from '../format';

/** Spend over a budget is an alarm; a forecast over it is shown in the primary colour. */
const KIND_COLOURS: Record<AlertKind, 'alarm' | 'primary' | 'default'> = {
  actual: 'alarm',
  forecast: 'primary',
  anomaly: 'default',
  'spend-rate': 'alarm',
  reconciliation: 'default',
};

const KIND_LABELS: Record<AlertKind, string> = {
  actual: 'actual',
  forecast: 'forecast',
  anomaly: 'anomaly',
  'spend-rate': 'spend rate',
  reconciliation: 'reconciliation',
};

/**
 * The entity's open budget, anomaly and spend-rate alerts, each of which can be acknowledged.
 *
 * @public
 */
export function BudgetAlerts() {
  const alarm = useAlarmStyles();
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(finopsApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getAlerts({ entityRef, status: 'open' }),
    [api, entityRef],
  );
  const [pending, setPending] = useState<string>();
  const [problem, setProblem] = useState<string>();

  const acknowledge = async (id: string) => {
    setPending(id);
    setProblem(undefined);
    try {
      await api.acknowledgeAlert(id);
      retry();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setPending(undefined);
    }
  };

  const open = value?.items.filter(a => !a.acknowledgedAt) ?? [];
  return (
    <InfoCard title="Budget alerts">
      {loading && !value && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {problem && (
        <Typography className={alarm.text} variant="body2">
          {problem}
        </Typography>
      )}
      {value && open.length === 0 && (
        <Typography variant="body2">No open budget alerts.</Typography>
      )}
      <List dense>
        {open.map(alert => (
          <ListItem key={alert.id} divider>
            <ListItemText
              primary={
                <>
                  <AlarmChip
                    label={KIND_LABELS[alert.kind]}
                    alarm={KIND_COLOURS[alert.kind] === 'alarm'}
                    color={
                      KIND_COLOURS[alert.kind] === 'primary'
                        ? 'primary'
                        : 'default'
                    }
                  />{' '}
                  {alert.title}
                </>
              }
              secondary={
                <>
                  {alert.description}
                  <Typography
                    component="span"
                    variant="caption"
                    display="block"
                  >
                    Created {formatTimestamp(alert.createdAt)}
                  </Typography>
                </>
              }
            />
            {/* Beside the text rather than over it, however long the description. */}
            <Box ml={2} flexShrink={0}>
              <Button
                size="small"
                variant="outlined"
                disabled={pending !== undefined}
                onClick={() => acknowledge(alert.id)}
                aria-label={`Acknowledge ${alert.title}`}
              >
                Acknowledge
              </Button>
            </Box>
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
