// Shared by the launcher (src/projects.ts, on Node) and the worker: no runtime types here.

/** One accepted dev key and its project id (which also names the project's D1 database). */
export interface ProjectBinding {
  key: string;
  project: string;
  /** The project's gateway consumer key and the consumer id it stands for. */
  consumerKey: string;
  consumer: string;
}
