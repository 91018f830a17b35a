import { makeStyles } from '@material-ui/core';

/**
 * Text for what needs attention (spend up, an error) with AA contrast: Backstage's
 * errorText (5.9:1 on white) where MUI's error.main (#f44336) is 3.7:1.
 */
export const useAlarmStyles = makeStyles(theme => ({
  text: {
    color:
      theme.palette.type === 'dark'
        ? theme.palette.error.main
        : theme.palette.errorText,
  },
}));
