/** Strings of the dashboard screens. */
export const dashboard = {} as const;
