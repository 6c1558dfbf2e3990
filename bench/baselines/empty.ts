// The "node alone" floor for cold-start: a handler that imports nothing.
export const handler = async () => ({ statusCode: 200, body: 'ok' });
