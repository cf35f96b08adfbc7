// The demo's custom function (`/v1/custom/checkout`): prices a cart on the server, stores the order in
// the project's own database and answers its id and total. The emulator runs it (`--functions`).
export default async function checkout(request, env) {
  const { run, items } = await request.json();
  if (!Array.isArray(items) || items.length === 0) return Response.json({ code: 'VALIDATION_ERROR', message: 'items: a non-empty array' }, { status: 400 });
  const total = items.reduce((sum, item) => sum + item.cents * item.qty, 0);
  await env.db.query('CREATE TABLE IF NOT EXISTS demo_orders (id INTEGER PRIMARY KEY, run TEXT NOT NULL, total INTEGER NOT NULL)');
  const { results } = await env.db.query('INSERT INTO demo_orders (run, total) VALUES (?, ?) RETURNING id', [run, total]);
  return { orderId: results[0].id, total, project: env.projectId };
}
