// The queue consumer: Miniflare delivers batches of JOBS messages here.
import type { Env } from '../env';

export async function consume(batch: MessageBatch, env: Env): Promise<void> {
  void env;
  for (const message of batch.messages) message.ack();
}
