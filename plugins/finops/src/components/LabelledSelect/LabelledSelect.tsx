import {
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  makeStyles,
} from '@material-ui/core';

const useStyles = makeStyles(theme => ({
  // MUI's outlined label (#717171) is 4.47:1 on the page background, under AA's 4.5.
  // Unfocused only, and more specific than .MuiFormLabel-root whatever the order the
  // style sheets come in; focused, it keeps the primary colour.
  label: { '&:not(.Mui-focused)': { color: theme.palette.textSubtle } },
}));

/**
 * An outlined select with a visible label. Its accessible name is the label and the
 * chosen option ("Period Last 30 days"), so that it contains the text it shows.
 */
export function LabelledSelect<T extends string | number>(props: {
  /** Prefix of the element ids, unique on the page. */
  id: string;
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  const classes = useStyles();
  const labelId = `${props.id}-label`;
  return (
    <FormControl variant="outlined" size="small">
      <InputLabel id={labelId} className={classes.label}>
        {props.label}
      </InputLabel>
      <Select
        labelId={labelId}
        label={props.label}
        value={props.value}
        SelectDisplayProps={{ id: `${props.id}-value` }}
        onChange={e => props.onChange(e.target.value as T)}
      >
        {props.options.map(o => (
          <MenuItem key={o.value} value={o.value}>
            {o.label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
