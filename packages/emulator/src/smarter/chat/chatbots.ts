// Finding the caller's chatbot by name (CLI routes) or by hashed id (the chatbot's own endpoints).
import { findResource, findResourceById, type ResourceRow } from '../manifests/store';
import { idOfHashed } from '../manifests/present';

export function chatbotByName(db: D1Database, account: string, name: string): Promise<ResourceRow | undefined> {
  return findResource(db, account, 'chatbot', name);
}

/** Another account's chatbot is not found, like one that does not exist. */
export async function chatbotByHashedId(db: D1Database, account: string, hashed: string): Promise<ResourceRow | undefined> {
  const id = idOfHashed(hashed);
  const row = id === undefined ? undefined : await findResourceById(db, account, id);
  return row?.kind === 'chatbot' ? row : undefined;
}
