/** The operation's path as the spec names it: `/v1/cache/get` → `/cache/get`. */
export function routeOf(pathname: string): string {
  return pathname.startsWith('/v1/') ? pathname.slice(3) : pathname;
}
