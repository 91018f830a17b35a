export { DailyChart, type DailyChartValueAxis } from './DailyChart';
