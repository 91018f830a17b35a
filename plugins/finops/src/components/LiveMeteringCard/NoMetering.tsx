import { Box, Typography } from '@material-ui/core';

/** Nothing metered or reserved today: how gateways, SDKs and agents report usage. */
export function NoMetering() {
  return (
    <Box data-testid="metering-empty">
      <Typography variant="subtitle1">
        Nothing metered today and no open reservations.
      </Typography>
      <Typography variant="body2">
        Gateways, SDKs and agents report usage as it happens with{' '}
        <code>POST /api/finops/v1/usage</code> (an external access token allowed{' '}
        <code>finops.usage.report</code>), or reserve budget before each call
        and commit what it used with the OpenAI and Anthropic SDK wrappers of{' '}
        <code>@tollgate/finops-guardrail-client</code>.
      </Typography>
    </Box>
  );
}
