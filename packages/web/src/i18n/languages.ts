// The languages Varde speaks.
export const LANGUAGES = ['nb', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
