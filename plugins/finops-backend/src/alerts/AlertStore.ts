import {
  AlertKind,
  AlertScope,
  FinopsAlert,
} from '@tollgate/plugin-finops-common';

/** An alert to raise; `key` makes it unique, so raising it again does nothing. */
export interface NewAlert {
  key: string;
  kind: AlertKind;
  scope: AlertScope;
  budgetId?: string;
  periodStart: string;
  /** The last day the alert is current; after it the alert is resolved. */
  periodEnd: string;
  threshold?: number;
  dimension?: string;
  title: string;
  description: string;
  /** When it was raised; now by default. */
  createdAt?: Date;
}

export interface AlertFilter {
  scopes?: AlertScope[];
  /** `open`: neither acknowledged nor resolved. Default all. */
  status?: 'open' | 'all';
}

/** Keeps alerts, each raised once, across all backend replicas. */
export interface AlertStore {
  /** Stores the alerts not raised before and returns only those. */
  raise(alerts: NewAlert[]): Promise<FinopsAlert[]>;
  list(filter: AlertFilter): Promise<FinopsAlert[]>;
  get(id: string): Promise<FinopsAlert | undefined>;
  acknowledge(id: string, by: string): Promise<FinopsAlert | undefined>;
  /** Resolves the alerts whose period ended before `today`; returns how many. */
  resolveEnded(today: string): Promise<number>;
}
