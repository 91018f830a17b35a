export { UpstreamPressureCard } from './UpstreamPressureCard';
