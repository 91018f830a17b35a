export * from './types';
export * from './scoreCheck';
export * from './gradeOf';
export * from './scoreScorecard';
export * from './matchesScorecard';
export * from './readScorecardDefinitions';
