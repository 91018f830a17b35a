export { ScorecardLeaderboardCard } from './ScorecardLeaderboardCard';
