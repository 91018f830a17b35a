/** The source that metered spend (usage reported as it happens) is stored as. */
export const METERED_SOURCE_ID = 'metered';
