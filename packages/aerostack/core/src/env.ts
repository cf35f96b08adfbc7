// Reads configuration from the environment where one exists (Node, Bun, Deno, workerd with
// nodejs_compat). On an edge runtime or in a browser there is no `process`: nothing is read.

interface ProcessLike {
  env?: Record<string, string | undefined>;
}

export function readEnv(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const proc = (globalThis as { process?: ProcessLike }).process;
  const value = proc?.env?.[name]?.trim();
  return value ? value : undefined;
}
