import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { List, ListItem, ListItemText, Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { finopsApiRef } from '../../api';
import { AlarmChip } from '../AlarmChip';

/** An entity's governance findings, each with how to fix it. @public */
export function GovernancePanel(props: { entityRef: string }) {
  const api = useApi(finopsApiRef);
  const { value, loading, error } = useAsync(
    () => api.getGovernanceFindings({ entityRef: props.entityRef }),
    [api, props.entityRef],
  );
  return (
    <InfoCard title="Cost governance">
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && value.items.length === 0 && (
        <Typography variant="body2">
          Every cost label rule is satisfied.
        </Typography>
      )}
      <List dense>
        {value?.items.map((finding, i) => (
          <ListItem key={`${finding.ruleId}-${i}`} divider>
            <ListItemText
              primary={
                <>
                  <AlarmChip
                    label={finding.level}
                    alarm={finding.level === 'enforced'}
                  />{' '}
                  {finding.message}
                </>
              }
              secondary={`${finding.ruleId}: ${finding.howToFix}`}
            />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
