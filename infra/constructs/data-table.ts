import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { StageSettings } from '../stage';

/** Names the store in `functions/` is written against; change them only together with it. */
export const TABLE_KEYS = {
  partitionKey: 'PK',
  sortKey: 'SK',
  gsi1: { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  /** Epoch seconds; DynamoDB deletes expired items within days, so readers still filter on it. */
  ttlAttribute: 'expiresAt',
} as const;

export interface DataTableProps {
  readonly stage: StageSettings;
}

/** The one table: responses are the source of truth, so it is backed up, protected and kept on stack delete. */
export class DataTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: DataTableProps) {
    super(scope, id);
    const { gsi1 } = TABLE_KEYS;
    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      globalSecondaryIndexes: [
        {
          indexName: gsi1.indexName,
          partitionKey: { name: gsi1.partitionKey, type: AttributeType.STRING },
          sortKey: { name: gsi1.sortKey, type: AttributeType.STRING },
        },
      ],
      // Survey traffic comes in bursts around a campaign and is idle in between: pay per request.
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TABLE_KEYS.ttlAttribute,
      // The account's aws/dynamodb key: auditable in CloudTrail, no key to pay for or to grant to functions.
      encryption: TableEncryptionV2.awsManagedKey(),
      deletionProtection: props.stage.deletionProtection,
      removalPolicy: props.stage.removalPolicy,
    });
  }
}
