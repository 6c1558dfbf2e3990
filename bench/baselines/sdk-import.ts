// Not a row of its own: the floor under any Lambda that loads the DynamoDB SDK at init. Imports the two SDK modules
// the product uses (external, as in every bundle here) and answers without using them, so the cold-start notes can
// say how much of a bundle's import time is the SDK's.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const loaded = [DynamoDBClient, DynamoDBDocumentClient].every((c) => typeof c === 'function');

export const handler = async () => ({ statusCode: loaded ? 200 : 500, body: '{"ok":true}' });
