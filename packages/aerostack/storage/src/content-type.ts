// Common types by extension, for uploads that do not name one. Anything rarer should be passed
// as `contentType`; a full table would cost more than every other part of an upload.
const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  json: 'application/json',
  txt: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  css: 'text/css',
  js: 'text/javascript',
  mp4: 'video/mp4',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  zip: 'application/zip',
  gz: 'application/gzip',
};

/** The content type of a key's extension (`a/b.PNG` → `image/png`), or undefined. */
export function contentTypeFor(key: string): string | undefined {
  const ext = /\.([^./]+)$/.exec(key)?.[1]?.toLowerCase();
  // hasOwn: `a.constructor` must not find Object.prototype.constructor.
  return ext && Object.hasOwn(TYPES, ext) ? TYPES[ext] : undefined;
}
