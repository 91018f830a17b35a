import { UnallocatedSpendResponse } from '@tollgate/plugin-finops-common';

/** Unallocated spend of a project nobody claims, one two entities claim, an API key and an unknown entity. */
export const unallocatedSpend: UnallocatedSpendResponse = {
  from: '2026-10-30',
  to: '2026-11-28',
  currency: 'USD',
  costBasis: 'effective',
  total: '42.10',
  vendorIds: [
    {
      vendor: 'openai',
      tag: 'openai.project_id',
      id: 'proj_research',
      annotation: 'tollgate.dev/openai-projects',
      cost: '18.40',
      coveredCost: '6.25',
      claimedBy: [],
      howToClaim:
        'Add "tollgate.dev/openai-projects: proj_research" under metadata.annotations of the Component or System whose spend it is (or add "proj_research" to the comma-separated ids it already lists there).',
    },
    {
      vendor: 'openai',
      tag: 'openai.project_id',
      id: 'proj_shared',
      annotation: 'tollgate.dev/openai-projects',
      cost: '9.00',
      claimedBy: [
        'component:default/ticket-triage',
        'component:default/support-summarizer',
      ],
      howToClaim:
        'component:default/ticket-triage and component:default/support-summarizer all claim "proj_shared" through tollgate.dev/openai-projects: keep it on the one whose spend it is and remove it from the others.',
    },
    {
      vendor: 'anthropic',
      tag: 'anthropic.api_key_id',
      id: 'apikey_01Rj2N8SVvo6BePZj99NhmiT',
      annotation: 'tollgate.dev/api-keys',
      cost: '4.20',
      claimedBy: [],
      howToClaim:
        'Add "tollgate.dev/api-keys: apikey_01Rj2N8SVvo6BePZj99NhmiT" under metadata.annotations of the Component or System whose spend it is (or add "apikey_01Rj2N8SVvo6BePZj99NhmiT" to the comma-separated ids it already lists there).',
    },
  ],
  unknownEntities: [
    {
      entityRef: 'component:default/legacy-bot',
      cost: '3.50',
      howToClaim:
        'Register component:default/legacy-bot in the catalog, or correct the entity ref the source writes: its spend is attributed to the entity once the catalog has it.',
    },
  ],
  other: '7.00',
};

/** Unallocated spend that carries no vendor id nor entity ref. */
export const unnamedUnallocatedSpend: UnallocatedSpendResponse = {
  ...unallocatedSpend,
  total: '7.00',
  vendorIds: [],
  unknownEntities: [],
};
