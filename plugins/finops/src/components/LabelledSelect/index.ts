export { LabelledSelect } from './LabelledSelect';
