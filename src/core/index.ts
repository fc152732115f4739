/** The core's public surface: the only import path other layers use. */
export * from './scenario';
export * from './events';
export * from './profiles';
export * from './state';
export * from './conference';
export * from './views';
export * from './debrief';
export { draw, drawNormal, hashString, seedSequence } from './random';
export { autoplay, nextAiEvent, type AutoplayOptions, type PlayResult } from './ai/autoplay';
export { delegateAct, TEMPERS } from './ai/delegate';
export { chairAct } from './ai/chair';
export { METRIC_NAMES } from './ai/utility';
export { evalCondition } from './rules/conditions';
export * from './training';
