export * from './keys';
export * from './ParseResult';
export * from './parsers';
export * from './readEntityCostLabels';
export * from './vendorClaims';
