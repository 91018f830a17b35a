export { PeriodSelect, PERIODS } from './PeriodSelect';
