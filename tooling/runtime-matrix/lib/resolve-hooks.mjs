// @ts-check
// A Node module hook (registered by register.mjs) for files outside this package that import the
// SDK by name, as a user's project would: tooling/examples/node-script has no node_modules of its
// own, so a bare specifier it cannot resolve is resolved again from this package, whose workspace
// links lead to the built packages. The example runs unchanged, from its own path.
const FALLBACK_PARENT = new URL('../package.json', import.meta.url).href;

/**
 * @param {string} specifier
 * @param {{ parentURL?: string, conditions: string[], importAttributes: Record<string, string> }} context
 * @param {(specifier: string, context?: object) => Promise<{ url: string }>} nextResolve
 */
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const bare = !/^(\.|\/|[a-z][a-z0-9+.-]*:)/i.test(specifier);
    if (!bare || /** @type {{ code?: string }} */ (error).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    return nextResolve(specifier, { ...context, parentURL: FALLBACK_PARENT });
  }
}
