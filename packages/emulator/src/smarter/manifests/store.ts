// Applied manifests in D1, per account: an upsert by (kind, metadata.name), as `apply` is.
import type { Json } from '../envelope';

export interface ResourceRow {
  id: number;
  account: string;
  kind: string;
  name: string;
  manifest: Json;
  deployed: boolean;
  created_at: number;
  updated_at: number;
}

interface RawRow extends Omit<ResourceRow, 'manifest' | 'deployed'> {
  manifest: string;
  deployed: number;
}

const toRow = (r: RawRow): ResourceRow => ({ ...r, manifest: JSON.parse(r.manifest) as Json, deployed: r.deployed === 1 });

/** Creates or replaces the resource; a chatbot's `deployed` follows `spec.config.deployed`. */
export async function upsertResource(db: D1Database, account: string, kind: string, name: string, manifest: Json, deployed: boolean): Promise<ResourceRow> {
  const now = Date.now();
  const row = await db
    .prepare(
      `INSERT INTO resources (account, kind, name, manifest, deployed, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account, kind, name) DO UPDATE SET manifest = excluded.manifest, deployed = excluded.deployed, updated_at = excluded.updated_at
       RETURNING *`,
    )
    .bind(account, kind, name, JSON.stringify(manifest), deployed ? 1 : 0, now, now)
    .first<RawRow>();
  if (!row) throw new Error('resource not stored');
  return toRow(row);
}

export async function findResource(db: D1Database, account: string, kind: string, name: string): Promise<ResourceRow | undefined> {
  const row = await db.prepare('SELECT * FROM resources WHERE account = ? AND kind = ? AND name = ?').bind(account, kind, name).first<RawRow>();
  return row ? toRow(row) : undefined;
}

export async function findResourceById(db: D1Database, account: string, id: number): Promise<ResourceRow | undefined> {
  const row = await db.prepare('SELECT * FROM resources WHERE account = ? AND id = ?').bind(account, id).first<RawRow>();
  return row ? toRow(row) : undefined;
}

/** Up to 1000, ordered by name (the platform's cap; it does not paginate). */
export async function listResources(db: D1Database, account: string, kind: string, name: string | undefined): Promise<ResourceRow[]> {
  const statement =
    name === undefined
      ? db.prepare('SELECT * FROM resources WHERE account = ? AND kind = ? ORDER BY name LIMIT 1000').bind(account, kind)
      : db.prepare('SELECT * FROM resources WHERE account = ? AND kind = ? AND name = ? ORDER BY name LIMIT 1000').bind(account, kind, name);
  return (await statement.all<RawRow>()).results.map(toRow);
}

export async function deleteResource(db: D1Database, id: number): Promise<void> {
  await db.prepare('DELETE FROM resources WHERE id = ?').bind(id).run();
}

/** Sets `deployed` (and a chatbot's `spec.config.deployed`, so describe agrees). */
export async function setDeployed(db: D1Database, row: ResourceRow, deployed: boolean): Promise<void> {
  const spec = row.manifest.spec as Json | undefined;
  const config = spec?.config as Json | undefined;
  const manifest = row.kind === 'chatbot' && config ? { ...row.manifest, spec: { ...spec, config: { ...config, deployed } } } : row.manifest;
  await db.prepare('UPDATE resources SET deployed = ?, manifest = ?, updated_at = ? WHERE id = ?').bind(deployed ? 1 : 0, JSON.stringify(manifest), Date.now(), row.id).run();
}
