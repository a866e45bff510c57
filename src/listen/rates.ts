/** The speeds a reader can choose for the voice (its rate), 1 the voice's own. */
export const RATES = [0.8, 1, 1.25, 1.5] as const;
