/** A vote as stored in the engine's Int8Arrays. */
export const YES = 1;
export const ABSTAIN = 0;
export const NO = -1;

export type Vote = typeof YES | typeof ABSTAIN | typeof NO;
