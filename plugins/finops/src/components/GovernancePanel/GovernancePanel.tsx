import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Chip,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { finopsApiRef } from '../../api';

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
                  <Chip
                    size="small"
                    label={finding.level}
                    color={
                      finding.level === 'enforced' ? 'secondary' : 'default'
                    }
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
