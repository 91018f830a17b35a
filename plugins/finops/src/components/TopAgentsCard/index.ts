export { TopAgentsCard } from './TopAgentsCard';
