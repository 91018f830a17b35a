/**
 * Catalog processors for Tollgate: governance of cost annotations and billing tags,
 * and the import of Naftiko capability specs.
 *
 * @packageDocumentation
 */
export * from './processor';
export { catalogModuleFinops as default } from './module';
