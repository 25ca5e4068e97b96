export * from './compute';
export * from './lead-outcome';
export * from './period';
export * from './stats';
export * from './summary';
export * from './targets';
