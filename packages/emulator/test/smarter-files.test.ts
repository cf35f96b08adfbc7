// @smarter/files against the emulator (documented contract): upload to R2, the same bytes back,
// cursor pagination across pages, retrieve, delete; per-account files.
import { NotFoundError } from '@smarter/core';
import * as files from '@smarter/files';
import { describe, expect, it } from 'vitest';
import { GENERATIONS, raw, smarterClient, SMARTER_KEY_B, useSmarter } from './helpers/smarter';

const emu = useSmarter();

describe.each(GENERATIONS)('%s server', (generation) => {
  const client = () => smarterClient(emu, generation);

  it('upload, retrieve, download the same bytes, delete', async () => {
    const c = new files.Files(client());
    const bytes = new Uint8Array(256).map((_, i) => i);
    const created = await c.create({ file: ['all-bytes.bin', bytes, 'application/octet-stream'], purpose: 'assistants' });
    expect(created).toMatchObject({ object: 'file', bytes: 256, filename: 'all-bytes.bin', purpose: 'assistants', status: 'processed' });
    expect(created.id).toMatch(/^file-[\da-f]{24}$/);
    expect(await c.retrieve({ fileId: created.id })).toEqual(created);
    const content = await c.content({ fileId: created.id });
    expect(content.response.headers.get('content-type')).toBe('application/octet-stream');
    expect(await content.bytes()).toEqual(bytes);
    const text = await c.create({ file: new File(['{"prompt": "a", "completion": "b"}\n'], 'train.jsonl', { type: 'application/jsonl' }), purpose: 'fine-tune' });
    expect(await (await c.content({ fileId: text.id })).text()).toBe('{"prompt": "a", "completion": "b"}\n');
    expect(await c.delete({ fileId: created.id })).toEqual({ id: created.id, object: 'file', deleted: true });
    await expect(c.retrieve({ fileId: created.id }, { maxRetries: 0 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(c.content({ fileId: created.id }, { maxRetries: 0 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(c.delete({ fileId: created.id }, { maxRetries: 0 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists newest first across pages (after/limit/has_more), by purpose, in either order', async () => {
    const c = client();
    const purpose = `paging-${generation}`;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await files.create(c, { file: [`f${i}.txt`, `file ${i}`], purpose })).id);
    const first = await files.list(c, { purpose, limit: 2 });
    expect(first.items.map((f) => f.id)).toEqual([ids[4], ids[3]]);
    expect(first.body).toMatchObject({ object: 'list', has_more: true, first_id: ids[4], last_id: ids[3] });
    const all: string[] = [];
    for await (const f of files.list(c, { purpose, limit: 2 })) all.push(f.id);
    expect(all).toEqual([...ids].reverse());
    expect(await files.list(c, { purpose, order: 'asc', limit: 100 }).toArray({ limit: 10 })).toHaveLength(5);
    expect((await files.list(c, { purpose, order: 'asc', limit: 3 })).items.map((f) => f.id)).toEqual(ids.slice(0, 3));
    // A cursor at a deleted file still works.
    await files.remove(c, { fileId: ids[3] ?? '' });
    expect((await files.list(c, { purpose, after: ids[3], limit: 10 })).items.map((f) => f.id)).toEqual([ids[2], ids[1], ids[0]]);
  });

  it('bad uploads and queries are 400s; files are per account', async () => {
    const noFile = new FormData();
    noFile.set('purpose', 'fine-tune');
    const response = await fetch(`${emu.emulator.smarterURL}files/`, { method: 'POST', headers: { authorization: `Token ${SMARTER_KEY_B}`, 'x-emulator-generation': generation }, body: noFile });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { errorClass: 'SmarterValueError', description: expect.stringContaining('file: required') } });
    expect((await raw(emu, 'POST', 'files/', { generation, body: { purpose: 'x' } })).status).toBe(400);
    expect((await raw(emu, 'GET', 'files/?limit=0', { generation })).status).toBe(400);
    expect((await raw(emu, 'GET', 'files/?order=sideways', { generation })).status).toBe(400);
    const mine = await files.create(client(), { file: ['secret.txt', 'mine'], purpose: 'user_data' });
    const theirs = smarterClient(emu, generation, { apiKey: SMARTER_KEY_B, maxRetries: 0 });
    await expect(files.retrieve(theirs, { fileId: mine.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await files.list(theirs).toArray({ limit: 100 })).map((f) => f.id)).not.toContain(mine.id);
  });
});
