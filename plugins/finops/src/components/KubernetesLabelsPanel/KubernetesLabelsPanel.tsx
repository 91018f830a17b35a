import {
  CodeSnippet,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { Box, Tab, Tabs, Typography } from '@material-ui/core';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { finopsApiRef } from '../../api';
import { LabelDrift } from './LabelDrift';

/**
 * The Kubernetes labels an entity's workloads must carry, as kustomize and Helm
 * snippets with copy buttons, the OpenCost aggregation to use, and how the workloads
 * OpenCost saw drift from them.
 *
 * @public
 */
export function KubernetesLabelsPanel(props: { entity: CompoundEntityRef }) {
  const api = useApi(finopsApiRef);
  const [tab, setTab] = useState(0);
  const { kind, namespace, name } = props.entity;
  const { value, loading, error } = useAsync(
    () => api.getLabels({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
  return (
    <InfoCard title="Kubernetes labels">
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && (
        <>
          <Tabs
            value={tab}
            onChange={(_e, v) => setTab(v)}
            indicatorColor="primary"
          >
            <Tab label="kustomize" />
            <Tab label="Helm" />
            <Tab label="JSON" />
          </Tabs>
          <Box mt={1}>
            <CodeSnippet
              language={tab === 2 ? 'json' : 'yaml'}
              text={
                [
                  value.kustomize,
                  value.helm,
                  JSON.stringify(value.labels, null, 2),
                ][tab]
              }
              showCopyCodeButton
            />
          </Box>
          <Typography variant="body2">
            OpenCost / Kubecost:{' '}
            {value.openCost
              .map(
                o => `aggregate=${o.aggregate} (reported as ${o.reportedAs})`,
              )
              .join('; ')}
          </Typography>
          {value.missing.map(m => (
            <Typography key={m.label} variant="body2" color="textSecondary">
              {m.label}: {m.reason}
            </Typography>
          ))}
          <LabelDrift drift={value.drift} />
        </>
      )}
    </InfoCard>
  );
}
