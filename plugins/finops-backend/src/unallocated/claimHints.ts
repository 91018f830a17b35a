import { VendorIdOfRecord } from '../sources/VendorClaims';

/** Names entity refs in prose: "a", "a and b", "a, b and c". */
function listed(refs: readonly string[]): string {
  return refs.length < 2
    ? refs.join('')
    : `${refs.slice(0, -1).join(', ')} and ${refs[refs.length - 1]}`;
}

/** What to change in the catalog so that the spend of a vendor id is attributed. */
export function vendorIdHint(vendorId: VendorIdOfRecord): string {
  const { annotation, id, claimedBy } = vendorId;
  const quoted = JSON.stringify(id);
  if (claimedBy.length === 0) {
    return `Add "${annotation}: ${id}" under metadata.annotations of the Component or System whose spend it is (or add ${quoted} to the comma-separated ids it already lists there).`;
  }
  if (claimedBy.length === 1) {
    return `${claimedBy[0]} claims ${quoted} through ${annotation}: its spend is attributed to it at the next attribution, with the next budget refresh.`;
  }
  return `${listed(
    claimedBy,
  )} all claim ${quoted} through ${annotation}: keep it on the one whose spend it is and remove it from the others.`;
}

/** What to change in the catalog so that the spend of records naming an unknown entity is attributed. */
export function unknownEntityHint(entityRef: string): string {
  return `Register ${entityRef} in the catalog, or correct the entity ref the source writes: its spend is attributed to the entity once the catalog has it.`;
}
