// Replaced at build time (tsup `define`) and in tests (vitest `define`) by the package.json
// version, so a `changeset version` bump can never leave it stale.
declare const __PKG_VERSION__: string;

/** The version of `@aerostack/collections`. */
export const VERSION: string = __PKG_VERSION__;
