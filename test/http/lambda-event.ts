import type { Context } from 'aws-lambda';
import type { LambdaEvent } from 'hono/aws-lambda';

// Lambda invocations as API Gateway HTTP API (payload 2.0) makes them, for the tests of the Lambda entries.

export const context = {
  functionName: 'orgos-api',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-central-1:123456789012:function:orgos-api',
  memoryLimitInMB: '512',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  logGroupName: '/aws/lambda/orgos-api',
  logStreamName: '2026/03/02/[$LATEST]abcdef',
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 10_000,
} as unknown as Context;

/** An HTTP API v2 event as API Gateway sends it. */
export function event(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; query?: string } = {},
): LambdaEvent {
  const headers: Record<string, string> = {
    accept: '*/*',
    host: 'abc123.execute-api.eu-central-1.amazonaws.com',
    'user-agent': 'curl/8.5.0',
    'x-amzn-trace-id': 'Root=1-65f0c0de-0123456789abcdef01234567',
    'x-forwarded-for': '203.0.113.7',
    'x-forwarded-port': '443',
    'x-forwarded-proto': 'https',
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (body) headers['content-length'] = String(Buffer.byteLength(body));
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: options.query ?? '',
    headers,
    ...(options.query ? { queryStringParameters: Object.fromEntries(new URLSearchParams(options.query)) } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-central-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'curl/8.5.0' },
      requestId: 'JKJaXmPLoAMESsA=',
      routeKey: '$default',
      stage: '$default',
      time: '02/Mar/2026:09:00:00 +0000',
      timeEpoch: 1772442000000,
    },
    // API Gateway leaves `body` out when there is none; hono's type says null.
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: false,
  } as unknown as LambdaEvent;
}
