export { GuardrailDenialsCard } from './GuardrailDenialsCard';
