// Strings that prove a feature was bundled: a bundle that must not carry the feature must not
// contain its mark (tree-shaking canaries).
export const STREAM_MARK = '[DONE]';
export const MULTIPART_MARK = 'form-data';
export const PAGINATION_MARK = 'hasNextPage';
