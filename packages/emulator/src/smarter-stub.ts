// The Smarter API is not implemented in this version: its socket answers every request with 501
// `{"detail": "not implemented in this emulator version"}` (Smarter's error field is `detail`).
export const SMARTER_STUB = `export default {
  fetch() {
    return new Response(JSON.stringify({ detail: 'not implemented in this emulator version' }), {
      status: 501,
      headers: { 'content-type': 'application/json' },
    });
  },
};
`;
