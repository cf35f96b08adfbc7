export { VERSION } from './version';
export { collection, collections, type CollectionLike, type CollectionRef, type Fields, type ItemChanges, type ItemId, type NewItem, type Stored } from './collection';
export { list, DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT, type FilterValue, type ListPage, type ListParams, type Where } from './list';
export { get } from './get';
export { create } from './create';
export { update, type SuccessResult } from './update';
export { remove } from './remove';
export { Collection } from './bound';
