/**
 * A Naftiko or Ikanos capability spec, normalized from either format: lists of named
 * items (Naftiko `1.0.0-alpha*`, `0.5`) and maps keyed by name (Ikanos `1.0.0-beta*`)
 * read the same way.
 */
export interface CapabilitySpec {
  /** The version key the file declares. */
  format: 'naftiko' | 'ikanos';
  version: string;
  /** `info.name`, when the spec gives one. */
  name?: string;
  /** `info.label` (Naftiko) or `info.display` (Ikanos). */
  title?: string;
  description?: string;
  /** `info.version`. */
  infoVersion?: string;
  tags: string[];
  /** `info.labels`, completed by the labels of a control adapter. */
  labels: Record<string, string>;
  stakeholders: Stakeholder[];
  consumes: ConsumedAdapter[];
  exposes: ExposedAdapter[];
}

/** `info.stakeholders[]`. */
export interface Stakeholder {
  role: string;
  fullName?: string;
  email?: string;
}

/** One operation of a consumed HTTP adapter or an exposed REST adapter. */
export interface SpecOperation {
  name?: string;
  method: string;
  path: string;
  description?: string;
  /** The operation's tags, else those of its resource. */
  tags: string[];
}

/** A consumed HTTP API, declared in place or imported from another file. */
export interface ConsumedAdapter {
  namespace: string;
  description?: string;
  baseUri?: string;
  /** Adapter-level tags, where billing granularity words are written. */
  tags: string[];
  operations: SpecOperation[];
  /** Set for an imported adapter: the file or URI it is defined in. */
  importedFrom?: string;
}

/** A named item of an MCP or skill adapter. */
export interface NamedItem {
  name: string;
  description?: string;
}

/** An exposed business adapter. Control adapters are not APIs and are not listed. */
export type ExposedAdapter =
  | {
      type: 'rest';
      namespace: string;
      description?: string;
      port?: number;
      operations: SpecOperation[];
      /** Paths that forward to another API instead of declaring operations. */
      forwards: string[];
    }
  | {
      type: 'mcp';
      namespace: string;
      description?: string;
      port?: number;
      transport?: string;
      tools: NamedItem[];
      resources: NamedItem[];
      prompts: NamedItem[];
    }
  | {
      type: 'skill';
      namespace: string;
      description?: string;
      port?: number;
      skills: Array<NamedItem & { tools: string[] }>;
    }
  | {
      type: 'import';
      namespace: string;
      importedFrom: string;
    };
