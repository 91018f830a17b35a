import { Box, Typography } from '@material-ui/core';
import { PriceSuggestion } from '@tollgate/plugin-finops-common';

/**
 * The prices of the price book that differ from what was billed, each model's with the
 * `tollgate.pricing.models` entry that would fix them.
 */
export function PriceSuggestions(props: { suggestions: PriceSuggestion[] }) {
  if (props.suggestions.length === 0) {
    return null;
  }
  return (
    <Box mt={2} data-testid="price-suggestions">
      <Typography variant="subtitle2">
        Prices the price book has wrong
      </Typography>
      {props.suggestions.map(suggestion => (
        <Box key={`${suggestion.provider} ${suggestion.model}`} mt={1}>
          {suggestion.differences.map(difference => (
            <Typography key={difference.tokenType} variant="body2">
              {difference.message} (by the{' '}
              {difference.billedBy === 'invoice'
                ? 'invoice'
                : "vendor's cost API"}
              , {difference.from} to {difference.to})
            </Typography>
          ))}
          <Typography variant="caption" display="block">
            This override in app-config.yaml would price it as billed:
          </Typography>
          <Box
            component="pre"
            m={0}
            p={1}
            bgcolor="background.default"
            fontSize="0.8rem"
            style={{ overflowX: 'auto' }}
          >
            {suggestion.config}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
