// Shared by the launcher (src/projects.ts, on Node) and the worker: no runtime types here.

/** One accepted dev key: its project id and the D1 binding that holds the project's tables. */
export interface ProjectBinding {
  key: string;
  project: string;
  db: string;
  /** The project's gateway consumer key and the consumer id it stands for. */
  consumerKey: string;
  consumer: string;
}
