// Second cold-start baseline: the same hello-world route on Express 5 behind serverless-http.
import express from 'express';
import serverless from 'serverless-http';

const app = express();

app.get('/health', (_req, res) => {
  res.json({ ok: true });
});

export const handler = serverless(app);
