import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { SurveyFunction, type SurveyFunctionProps } from './survey-function';

/**
 * Which item partitions (the `PK` prefixes of functions/store/keys.ts) the respondent's path touches, and how. A
 * survey link resolves to its campaign (read), an invite is claimed and its reminders can be stopped (read, update),
 * a response is put, read back on a retry and withdrawn (put, read, update). Nothing else: no token, session, user,
 * organisation, contact, due item or report snapshot (SNAP#), and no index at all, so no Query can list anything.
 */
export const RESPONDENT_TABLE_ACCESS = {
  'dynamodb:GetItem': ['LINK#*', 'CAMP#*', 'INVITE#*', 'RESP#*'],
  'dynamodb:PutItem': ['RESP#*'],
  'dynamodb:UpdateItem': ['INVITE#*', 'RESP#*'],
} as const;

export type RespondentFunctionProps = Omit<SurveyFunctionProps, 'customTableAccess' | 'sender'>;

/**
 * The respondent's path in its own function (functions/api/respondent-lambda.ts): the smallest bundle of the stack,
 * for the cold start a respondent waits for, and a role that can reach only the items that path needs. Each action is
 * granted on the table alone (not its index), limited by `dynamodb:LeadingKeys` to the partitions above.
 *
 * What IAM cannot say: a condition sees the partition key, not the sort key, so the campaign partition (CAMP#{id})
 * is readable whole by GetItem, and that partition also holds the leadership view (SK LEADERSHIP); report snapshots
 * live in their own partition (SNAP#{id}) for that reason. A response can be read by GetItem only by its key, the
 * SHA-256 of its receipt, which only the respondent holds; nothing lets this role enumerate responses.
 */
export class RespondentFunction extends Construct {
  readonly function: SurveyFunction;

  constructor(scope: Construct, id: string, props: RespondentFunctionProps) {
    super(scope, id);
    this.function = new SurveyFunction(this, 'Function', { ...props, customTableAccess: true });
    for (const [action, prefixes] of Object.entries(RESPONDENT_TABLE_ACCESS)) {
      this.function.fn.addToRolePolicy(
        new PolicyStatement({
          actions: [action],
          resources: [props.table.tableArn],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...prefixes] } },
        }),
      );
    }
  }
}
