import { zValidator } from '@hono/zod-validator';
import type { Context, Env, MiddlewareHandler, ValidationTargets } from 'hono';
import type * as z from 'zod/mini';
import { type FieldIssue, UnsupportedMediaType, ValidationFailed } from './errors';
import { RESPONDENT_CHECKS } from './respondent-schemas';
import type * as Schemas from './schemas';

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

/**
 * `a.b.0.c`; under `ledger` an index is written `[i]` (`ledger.waiting[1].days`), as the ledger's own checks name
 * fields (shared/ledger validate.ts), so a field reads the same whichever check found it; under `departments` too
 * (`departments[2]`), the line the dashboard shows the error beside.
 */
const joinPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((out, part, i) => {
    if (typeof part === 'number' && (path[0] === 'ledger' || path[0] === 'departments')) return `${out}[${part}]`;
    return i === 0 ? String(part) : `${out}.${String(part)}`;
  }, '');

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

/** The request schemas by name (schemas.ts). */
export type SchemaName = {
  [K in keyof typeof Schemas]: (typeof Schemas)[K] extends z.ZodMiniType ? K : never;
}[keyof typeof Schemas];

/**
 * schemas.ts, and zod with it, loaded by the first request that validates anything, not at start: a cold start whose
 * request validates nothing (health, the API description, a static-like page) never evaluates zod or builds a schema.
 */
let schemas: Promise<typeof Schemas> | undefined;
const loadSchemas = () => {
  schemas ??= import('./schemas');
  return schemas;
};

/** What a route's handler reads with `c.req.valid(target)` once the named schema passed. */
type Validated<Target extends keyof ValidationTargets, T extends z.ZodMiniType> = {
  in: { [K in Target]: z.input<T> };
  out: { [K in Target]: z.output<T> };
};

/**
 * The path to the first own `__proto__` key in a parsed JSON body, or null. JSON.parse keeps such a key, but every
 * object it is copied into drops it (zod's too), so it would vanish without a word: it is refused instead. Iterative,
 * since a body may nest thousands deep.
 */
export function reservedKeyPath(value: unknown): string[] | null {
  interface Node {
    value: object;
    key: string;
    parent: Node | null;
  }
  const pathOf = (node: Node | null, last: string): string[] => {
    const path = [last];
    for (let n = node; n?.parent; n = n.parent) path.push(n.key);
    return path.reverse();
  };
  if (!value || typeof value !== 'object') return null;
  const stack: Node[] = [{ value, key: '', parent: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!Array.isArray(node.value) && Object.hasOwn(node.value, '__proto__')) return pathOf(node, '__proto__');
    for (const [key, child] of Object.entries(node.value)) {
      if (child && typeof child === 'object') stack.push({ value: child, key, parent: node });
    }
  }
  return null;
}

/**
 * What hono's validator hands a schema for `target` (a JSON body only under a JSON media type), for the checks of
 * respondent-schemas.ts; undefined for a target they do not check, or a body that did not parse.
 */
function validatorInput(c: Context, target: keyof ValidationTargets, body: unknown): unknown {
  switch (target) {
    case 'json':
      return JSON_TYPE.test(mediaType(c.req.header('content-type'))) ? body : undefined;
    case 'param':
      return c.req.param();
    case 'query':
      return Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
    default:
      return undefined;
  }
}

/**
 * `zValidator` on the schema of that name, with the hook that turns a failure into a 400 problem naming each field.
 * By name rather than by value so that the routes do not import the schemas (see `loadSchemas`). A respondent's request
 * is tried first against its zod-free check (respondent-schemas.ts): the schemas load only when it does not pass.
 */
export function validate<Target extends keyof ValidationTargets, Name extends SchemaName>(
  target: Target,
  name: Name,
): MiddlewareHandler<Env, string, Validated<Target, (typeof Schemas)[Name]>> {
  let validator: MiddlewareHandler | undefined;
  const check = RESPONDENT_CHECKS[name] as ((value: unknown) => object | undefined) | undefined;
  return async (c, next) => {
    // Malformed JSON is the validator's to refuse: here only a body that parsed.
    const body = target === 'json' ? await c.req.json().catch(() => undefined) : undefined;
    if (check) {
      // Passed, it is what the schema would give (and holds no reserved key: every check refuses one); anything else
      // goes to the schema, which names the problems.
      const passed = check(validatorInput(c, target, body));
      if (passed !== undefined) {
        c.req.addValidatedData(target, passed);
        return next();
      }
    }
    if (target === 'json') {
      const reserved = reservedKeyPath(body);
      if (reserved) throw new ValidationFailed([{ field: reserved.join('.'), message: 'is a reserved name' }]);
    }
    validator ??= zValidator(target, (await loadSchemas())[name] as z.ZodMiniType, (result) => {
      if (!result.success) throw new ValidationFailed(fieldIssues(result.error.issues, ROOTS[target]));
    });
    return validator(c, next);
  };
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;
const mediaType = (contentType: string | undefined) => (contentType ?? '').split(';')[0]!.trim();

/** JSON bodies only: without this, hono's validator would read another media type as an empty object. */
export const requireJson: MiddlewareHandler = async (c, next) => {
  if (!JSON_TYPE.test(mediaType(c.req.header('content-type')))) {
    throw new UnsupportedMediaType('send the body as application/json');
  }
  await next();
};
