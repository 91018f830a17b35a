/**
 * The FOCUS billing export cost source for the Tollgate finops backend.
 *
 * @packageDocumentation
 */
export { finopsModuleFocus as default } from './module';
export { FocusCostSource } from './source/FocusCostSource';
export type {
  FocusCostSourceOptions,
  FocusInvalidRowsMode,
} from './source/FocusCostSource';
