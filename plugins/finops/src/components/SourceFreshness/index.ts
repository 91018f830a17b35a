export { SourceFreshness } from './SourceFreshness';
