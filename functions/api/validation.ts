import { zValidator } from '@hono/zod-validator';
import type { MiddlewareHandler, ValidationTargets } from 'hono';
import type * as z from 'zod/mini';
import { type FieldIssue, UnsupportedMediaType, ValidationFailed } from './errors';

type Issue = z.core.$ZodIssue;

const describe = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : String(v));

/** A short English message per zod issue (zod/mini ships no locale by default, and we keep it that way). */
function messageOf(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_format':
      return issue.format === 'regex' ? 'has an invalid format' : `expected a valid ${issue.format}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map(describe).join(', ')}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `must be at least ${issue.minimum} characters`
        : issue.origin === 'array'
          ? `must have at least ${issue.minimum} entries`
          : `must be ${issue.inclusive ? 'at least' : 'greater than'} ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${issue.maximum} characters`
        : issue.origin === 'array'
          ? `must have at most ${issue.maximum} entries`
          : `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
    case 'invalid_union':
      return 'does not match any allowed form';
    case 'invalid_key':
      return 'has an invalid key';
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : 'is invalid';
  }
}

const joinPath = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/** zod issues as `{ field, message }`, one per offending field (unknown fields each named). */
export function fieldIssues(issues: readonly Issue[], root: string): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ field: joinPath([...issue.path, key]), message: 'is not a known field' });
      }
      continue;
    }
    out.push({ field: issue.path.length > 0 ? joinPath(issue.path) : root, message: messageOf(issue) });
  }
  return out;
}

const ROOTS: Record<keyof ValidationTargets, string> = {
  json: 'body',
  form: 'body',
  query: 'query',
  param: 'path',
  header: 'header',
  cookie: 'cookie',
};

/** `zValidator` with the hook that turns a failure into a 400 problem naming each field. */
export function validate<T extends z.ZodMiniType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw new ValidationFailed(fieldIssues(result.error.issues, ROOTS[target]));
  });
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** JSON bodies only: without this, hono's validator would read another media type as an empty object. */
export const requireJson: MiddlewareHandler = async (c, next) => {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
  if (!JSON_TYPE.test(type)) throw new UnsupportedMediaType('send the body as application/json');
  await next();
};
