// Baseline for cold-start: the smallest Hono Lambda. `GET /health` is hello-world; `POST /put` does the same one
// DynamoDB put through the same SDK as a submission, so the submission row has a like-for-like floor.
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { putOnce } from './dynamo-put';

const app = new Hono();

app.get('/health', (c) => c.json({ ok: true }));

app.post('/put', async (c) => {
  const item = await c.req.json<Record<string, unknown>>();
  await putOnce(item);
  return c.json({ ok: true }, 201);
});

export const handler = handle(app);
