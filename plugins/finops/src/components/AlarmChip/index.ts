export { AlarmChip } from './AlarmChip';
export { useAlarmStyles } from './useAlarmStyles';
