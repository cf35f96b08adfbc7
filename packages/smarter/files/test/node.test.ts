import { mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvalidRequestError } from '@smarter/core';
import { afterAll, describe, expect, it } from 'vitest';
import { content, create, fileFromPath, Files, list } from '../src/node';
import { API, bodyBytes, clientWith, FILE, formOf, json, rejection, scriptedFetch } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'smarter-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const JSONL = '{"messages":[{"role":"user","content":"Hi"}]}\n'.repeat(3);

function temp(name: string, text = JSONL): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('@smarter/files/node', () => {
  it('fileFromPath gives a File named after the path, with its size and the type asked for', async () => {
    const path = temp('input.jsonl');
    const file = await fileFromPath(path, { type: 'application/jsonl' });
    expect(file).toBeInstanceOf(File);
    expect(file.name).toBe('input.jsonl');
    expect(file.size).toBe(JSONL.length);
    expect(file.type).toBe('application/jsonl');
    expect(await file.text()).toBe(JSONL);
    expect((await fileFromPath(pathToFileURL(path))).name).toBe('input.jsonl');
  });

  it('fileFromPath is lazy: the bytes stay on disk until read (a file changed meanwhile cannot be read)', async () => {
    const path = temp('lazy.jsonl');
    const file = await fileFromPath(path);
    appendFileSync(path, 'more');
    await expect(file.text()).rejects.toThrow();
  });

  it("create takes a path, as in the seed's client.files.create(file=Path('input.jsonl'), purpose='fine-tune')", async () => {
    const path = temp('input.jsonl');
    const fetch = scriptedFetch(json(FILE), json(FILE));
    const client = clientWith(fetch);
    expect(await create(client, { file: path, purpose: 'fine-tune' })).toEqual(FILE);
    await new Files(client).create({ file: pathToFileURL(path), purpose: 'fine-tune' });
    for (const req of fetch.calls) {
      expect(req.url).toBe(`${API}files/`);
      const form = await formOf(req);
      expect(form.get('purpose')).toBe('fine-tune');
      const part = form.get('file') as File;
      expect(part.name).toBe('input.jsonl');
      expect(part.type).toBe('application/octet-stream');
      expect(await part.text()).toBe(JSONL);
    }
    // A Blob from disk is sent as it is (not a stream, not a copy).
    expect(fetch.calls[0]!.init.body).toBeInstanceOf(Blob);
  });

  it('create still takes everything else of @smarter/files (bytes, Blobs, tuples)', async () => {
    const fetch = scriptedFetch(json(FILE), json(FILE));
    const client = clientWith(fetch);
    await create(client, { file: new TextEncoder().encode(JSONL), purpose: 'fine-tune' });
    await create(client, { file: ['t.jsonl', JSONL], purpose: 'fine-tune' });
    expect(new TextDecoder().decode(await bodyBytes(fetch.calls[0]!))).toContain(JSONL);
    expect(((await formOf(fetch.calls[1]!)).get('file') as File).name).toBe('t.jsonl');
  });

  it('a path that cannot be read rejects with an InvalidRequestError, sending nothing', async () => {
    const fetch = scriptedFetch();
    const error = await rejection(create(clientWith(fetch), { file: join(dir, 'missing.jsonl'), purpose: 'fine-tune' }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'file' } });
    expect((error as Error).message).toMatch(/^file: cannot read .*missing\.jsonl \(.+\)$/);
    expect(fetch.calls).toHaveLength(0);
  });

  it('re-exports the rest of @smarter/files', () => {
    expect(typeof list).toBe('function');
    expect(typeof content).toBe('function');
  });
});
