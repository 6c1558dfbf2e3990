// A minimal but complete API Gateway HTTP API (payload 2.0) event, as the Lambda receives it behind `$default`.

export interface HttpApiEvent {
  version: '2.0';
  routeKey: string;
  rawPath: string;
  rawQueryString: string;
  headers: Record<string, string>;
  requestContext: {
    accountId: string;
    apiId: string;
    domainName: string;
    domainPrefix: string;
    http: { method: string; path: string; protocol: string; sourceIp: string; userAgent: string };
    requestId: string;
    routeKey: string;
    stage: string;
    time: string;
    timeEpoch: number;
  };
  body?: string;
  isBase64Encoded: boolean;
}

export function httpApiEvent(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const [rawPath = '/', rawQueryString = ''] = path.split('?');
  const now = new Date('2026-01-15T10:00:00Z');
  const event: HttpApiEvent = {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers: {
      host: 'bench.execute-api.us-east-1.amazonaws.com',
      'user-agent': 'orgos-bench',
      accept: 'application/json',
      'x-forwarded-for': '192.0.2.1',
      'x-forwarded-proto': 'https',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'bench',
      domainName: 'bench.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'bench',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'orgos-bench' },
      requestId: 'bench-request',
      routeKey: '$default',
      stage: '$default',
      time: '15/Jan/2026:10:00:00 +0000',
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: false,
  };
  if (body !== undefined) event.body = typeof body === 'string' ? body : JSON.stringify(body);
  return event;
}

export const lambdaContext = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'orgos-bench',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orgos-bench',
  memoryLimitInMB: '1024',
  awsRequestId: 'bench-request',
  logGroupName: '/aws/lambda/orgos-bench',
  logStreamName: 'bench',
};
