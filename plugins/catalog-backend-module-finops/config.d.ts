export interface Config {
  tollgate?: {
    /** Governance of cost annotations and billing tags. */
    governance?: {
      /**
       * The governance rules. Without this key, `cost-center-required` applies to
       * components at the advisory level; an empty list configures no rule. The
       * `valid-label-values` syntax check always runs, enforced.
       */
      rules?: Array<{
        /** The built-in rule. */
        id:
          | 'cost-center-required'
          | 'team-required'
          | 'budget-required'
          | 'billing-granularity-required'
          | 'operation-billing-tags'
          | 'valid-label-values';
        /** `advisory` reports a finding; `enforced` also fails catalog processing of the entity. */
        level: 'advisory' | 'enforced';
        /** Entity kinds the rule applies to; each rule has its own default. */
        kinds?: string[];
        /** Values of `spec.type` the rule applies to. */
        types?: string[];
        /** Entity namespaces the rule applies to. */
        namespaces?: string[];
      }>;
    };
    /** Import of Naftiko and Ikanos capability specs from `naftiko` catalog locations. */
    naftiko?: {
      /** Owner of capabilities whose stakeholders name no owner. Defaults to `unknown`. */
      defaultOwner?: string;
      /** `spec.lifecycle` of the imported entities. Defaults to `production`. */
      lifecycle?: string;
      /**
       * Lets `kind: Location` entities in catalog files point at `naftiko`
       * locations, by setting the catalog's allowed location types to `url` and
       * `naftiko`. Leave it off when another module sets the allowed location types.
       */
      allowLocationType?: boolean;
    };
  };
}
