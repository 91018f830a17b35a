import { Chip, ChipProps, useTheme } from '@material-ui/core';

/**
 * A small chip that, when `alarm` holds (a hard budget, a failed check, a stale
 * source), stands out in Backstage's errorText on errorBackground (5.2:1), where
 * white on MUI's secondary (#f50057) is 4.2:1, under WCAG AA.
 */
export function AlarmChip(
  props: Omit<ChipProps, 'size' | 'color'> & {
    alarm: boolean;
    /** Its colour when not an alarm. */
    color?: 'default' | 'primary';
  },
) {
  const { alarm, style, ...chip } = props;
  const { palette } = useTheme();
  return (
    <Chip
      {...chip}
      size="small"
      style={
        alarm
          ? {
              backgroundColor: palette.errorBackground,
              color: palette.errorText,
              ...style,
            }
          : style
      }
    />
  );
}
