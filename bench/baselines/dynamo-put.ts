// The one conditional put the bare Hono baseline makes, through the same SDK a submission uses. The SDK is imported on
// first use (an external dynamic import stays dynamic in the bundle), so the hello-world rows pay nothing for it; the
// put rows pay it inside their first event, which a cold start counts either way.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let doc: DynamoDBDocumentClient | undefined;

export async function putOnce(item: Record<string, unknown>): Promise<void> {
  const [{ DynamoDBClient }, lib] = await Promise.all([
    import('@aws-sdk/client-dynamodb'),
    import('@aws-sdk/lib-dynamodb'),
  ]);
  doc ??= lib.DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } });
  await doc.send(
    new lib.PutCommand({
      TableName: process.env.ORGOS_TABLE,
      Item: item,
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}
