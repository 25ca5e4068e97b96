/** Baton's lead intelligence core: pure functions, no browser API, `now` always passed in. */
export * from './calendar';
export * from './persona';
export * from './qualification';
export * from './queue-order';
export * from './recommend';
export * from './score';
export * from './sla';
