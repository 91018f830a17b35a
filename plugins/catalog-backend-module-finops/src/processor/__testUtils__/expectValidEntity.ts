import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  Entity,
  FieldFormatEntityPolicy,
  SchemaValidEntityPolicy,
} from '@backstage/catalog-model';

const fieldFormat = new FieldFormatEntityPolicy();
const schemaValid = new SchemaValidEntityPolicy();

/** Expects the entity to pass the catalog's policies and its kind's validator. */
export async function expectValid(entity: Entity) {
  await expect(schemaValid.enforce(entity)).resolves.toBeDefined();
  await expect(fieldFormat.enforce(entity)).resolves.toBeDefined();
  const validator =
    entity.kind === 'Component'
      ? componentEntityV1alpha1Validator
      : apiEntityV1alpha1Validator;
  await expect(validator.check(entity)).resolves.toBe(true);
}
