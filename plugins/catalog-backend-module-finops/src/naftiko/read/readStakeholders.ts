import { Stakeholder } from '../CapabilitySpec';
import { items, required, text } from './specValues';

export function readStakeholders(value: unknown): Stakeholder[] {
  return items(value, 'info.stakeholders').map(({ value: person, path }) => ({
    role: required(person.role, `${path}.role`),
    fullName: text(person.fullName, `${path}.fullName`),
    email: text(person.email, `${path}.email`),
  }));
}
