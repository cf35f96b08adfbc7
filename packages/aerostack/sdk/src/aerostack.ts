import { AerostackClient, type ClientOptions } from '@aerostack/core';
import { AI } from '@aerostack/ai';
import { Auth, ProjectAuth, type ProjectAuthOptions } from '@aerostack/auth';
import { Cache } from '@aerostack/cache';
import { Collection, type CollectionLike, type Fields } from '@aerostack/collections';
import { Database } from '@aerostack/database';
import { Gateway } from '@aerostack/gateway';
import { Queue } from '@aerostack/queue';
import { connect, type ConnectOptions, type Realtime } from '@aerostack/realtime';
import { Functions, Services, type UntypedFunctions } from '@aerostack/services';
import { Storage } from '@aerostack/storage';

/**
 * Every Aerostack service behind one import: `new Aerostack({ apiKey }).cache.get({ key })`.
 * Each service is built on first use, so constructing the facade costs one client and nothing else.
 * (An edge bundle that wants the smallest size imports the service package's functions instead.)
 */
export class Aerostack {
  readonly client: AerostackClient;
  #ai?: AI;
  #auth?: Auth;
  #cache?: Cache;
  #database?: Database;
  #gateway?: Gateway;
  #queue?: Queue;
  #services?: Services;
  #storage?: Storage;

  /** Takes client options, or a client to share with code that calls the service packages directly. */
  constructor(options: ClientOptions | AerostackClient = {}) {
    this.client = options instanceof AerostackClient ? options : new AerostackClient(options);
  }

  /** AI chat (plain and streamed) and managed search: `@aerostack/ai`. */
  get ai(): AI {
    return (this.#ai ??= new AI(this.client));
  }

  /** Platform signup/signin and project auth: `@aerostack/auth`. */
  get auth(): Auth {
    return (this.#auth ??= new Auth(this.client));
  }

  /** Key-value cache: `@aerostack/cache`. */
  get cache(): Cache {
    return (this.#cache ??= new Cache(this.client));
  }

  /** SQL queries and batches: `@aerostack/database`. */
  get database(): Database {
    return (this.#database ??= new Database(this.client));
  }

  /** API gateway: billing, consumer chat, wallet, usage: `@aerostack/gateway`. */
  get gateway(): Gateway {
    return (this.#gateway ??= new Gateway(this.client));
  }

  /** Background jobs: `@aerostack/queue`. */
  get queue(): Queue {
    return (this.#queue ??= new Queue(this.client));
  }

  /** Service invocation: `@aerostack/services`. */
  get services(): Services {
    return (this.#services ??= new Services(this.client));
  }

  /** Object storage: `@aerostack/storage`. */
  get storage(): Storage {
    return (this.#storage ??= new Storage(this.client));
  }

  /**
   * One collection's items (`@aerostack/collections`), typed by its handle or by the type you name:
   * `aerostack.collection<Order>('orders').list()`. A method: each call binds a new `Collection`.
   */
  collection<Item extends Fields = Record<string, unknown>>(collection: CollectionLike<Item>): Collection<Item> {
    return new Collection<Item>(this.client, collection);
  }

  /**
   * The project's custom functions (`@aerostack/services`), typed by your schema of them:
   * `aerostack.functions<MyApis>().call('send-invoice', { orderId })`. A method, so that the schema
   * type can be named; the binding it returns holds only the client.
   */
  functions<S = UntypedFunctions>(): Functions<S> {
    return new Functions<S>(this.client);
  }

  /** The auth flows of one of your projects, for its end users, with a session that keeps their tokens. */
  projectAuth(projectSlug: string, options?: ProjectAuthOptions): ProjectAuth {
    return new ProjectAuth(this.client, projectSlug, options);
  }

  /**
   * A realtime connection (`@aerostack/realtime`) with this facade's client: a method, not a
   * getter, since each call opens a WebSocket. Use it with the package's functions:
   * `subscribeTable(aerostack.realtime(), 'orders')`. On Node 20, pass `{ WebSocket }` from `ws`.
   */
  realtime(options?: ConnectOptions): Realtime {
    return connect(this.client, options);
  }

  /** A facade whose client has some defaults changed; this one is left as it is. */
  withOptions(options: ClientOptions): Aerostack {
    return new Aerostack(this.client.withOptions(options));
  }
}
