export { VERSION } from './version';
export { create, type FileCreateParams, type FileObject, type FileTuple } from './create';
export { list, type FileListPage, type FileListParams } from './list';
export { retrieve, type FileRetrieveParams } from './retrieve';
export { remove, type FileDeleteParams, type FileDeleted } from './delete';
export { content, type FileContent, type FileContentParams } from './content';
export { Files } from './files';
