import { InputError } from '@backstage/errors';
import { Item, Json, text } from './specValues';

/** Whether an adapter imports a shared consumes or exposes file rather than declaring itself. */
export function isImport(value: Json): boolean {
  return 'import' in value || 'from' in value || 'location' in value;
}

/** The namespace an imported adapter is known by, and where it is imported from. */
export function readImport(item: Item): {
  namespace: string;
  importedFrom: string;
} {
  const { value, path } = item;
  const imported = text(value.import, `${path}.import`);
  const namespace = text(value.as, `${path}.as`) ?? imported;
  const importedFrom =
    text(value.from, `${path}.from`) ??
    text(value.location, `${path}.location`) ??
    imported;
  if (!namespace || !importedFrom) {
    throw new InputError(
      `${path} is an import without "import" or "as": expected the imported namespace`,
    );
  }
  return { namespace, importedFrom };
}
