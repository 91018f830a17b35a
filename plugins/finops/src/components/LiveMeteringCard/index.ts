export { LiveMeteringCard } from './LiveMeteringCard';
