/** Strings of the alert screens. */
export const alerts = {} as const;
