// Reads configuration from the environment where one exists (Node, Bun, Deno, workerd with
// nodejs_compat). On an edge runtime or in a browser there is no `process`: nothing is read.

interface ProcessLike {
  env?: Record<string, string | undefined>;
}

export function readEnv(name: string | undefined): string | undefined {
  // An empty or blank variable counts as unset. Deno without --allow-env throws on any read:
  // a setting it cannot read is a setting not given.
  try {
    return (name && (globalThis as { process?: ProcessLike }).process?.env?.[name]?.trim()) || undefined;
  } catch {
    return undefined;
  }
}
