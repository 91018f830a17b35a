import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Stakeholder } from './CapabilitySpec';
import { sanitizeEntityName } from './sanitize';

/**
 * The owner a stakeholder names: the stakeholder whose role is `owner`, else the first
 * whose role contains "owner". A full name written as an entity ref
 * (`group:ai-platform`) is taken as is; otherwise the user named by the e-mail's local
 * part, else by the full name.
 */
export function ownerFromStakeholders(
  stakeholders: Stakeholder[],
): string | undefined {
  const role = (s: Stakeholder) => s.role.toLocaleLowerCase('en-US');
  const owner =
    stakeholders.find(s => role(s) === 'owner') ??
    stakeholders.find(s => role(s).includes('owner'));
  if (!owner) {
    return undefined;
  }
  if (owner.fullName?.includes(':')) {
    try {
      return stringifyEntityRef(
        parseEntityRef(owner.fullName.trim(), { defaultKind: 'Group' }),
      );
    } catch {
      // Not an entity ref: read it as a person's name below.
    }
  }
  const name =
    (owner.email && sanitizeEntityName(owner.email.split('@')[0])) ||
    (owner.fullName && sanitizeEntityName(owner.fullName));
  return name ? `user:default/${name}` : undefined;
}
