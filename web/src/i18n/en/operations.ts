/** Strings of the operations screens. */
export const operations = {} as const;
