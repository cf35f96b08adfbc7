// A fault: what to do to a matching request, instead of (or on top of) answering it.

export interface Fault {
  status?: number | undefined;
  retryAfter?: number | undefined;
  retryAfterMs?: number | undefined;
  latencyMs?: number | undefined;
  /** Run the request, then cut the connection midway through the response body. */
  drop?: boolean | undefined;
}

export interface FaultRule extends Fault {
  id: number;
  method?: string | undefined;
  path?: string | undefined;
  times: number;
}

/** `path` is exact, or a prefix when it ends in `*`; it may be written with or without `/v1`. */
export function matches(rule: Pick<FaultRule, 'method' | 'path'>, method: string, pathname: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (!rule.path) return true;
  const candidates = pathname.startsWith('/v1/') ? [pathname, pathname.slice(3)] : [pathname];
  const { path } = rule;
  return path.endsWith('*') ? candidates.some((p) => p.startsWith(path.slice(0, -1))) : candidates.includes(path);
}

/** The one-off fault of an `x-emulator-fault: status=503;retry-after=1;latency=200;drop` header. */
export function parseFaultHeader(header: string): Fault | undefined {
  const fault: Fault = {};
  for (const part of header.split(/[;,]/)) {
    const [rawName, rawValue] = part.split('=', 2).map((s) => s.trim());
    const n = Number(rawValue);
    switch (rawName?.toLowerCase()) {
      case 'status':
        if (Number.isInteger(n) && n >= 400 && n <= 599) fault.status = n;
        break;
      case 'retry-after':
        if (n >= 0) fault.retryAfter = n;
        break;
      case 'retry-after-ms':
        if (n >= 0) fault.retryAfterMs = n;
        break;
      case 'latency':
      case 'latency-ms':
        if (n >= 0) fault.latencyMs = n;
        break;
      case 'drop':
        fault.drop = true;
        break;
      default:
        break;
    }
  }
  return Object.keys(fault).length ? fault : undefined;
}
