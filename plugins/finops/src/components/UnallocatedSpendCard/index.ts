export { UnallocatedSpendCard } from './UnallocatedSpendCard';
