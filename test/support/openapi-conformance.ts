// Every response checked against what /api/openapi.json documents for it: the status must be one the operation
// lists, and the body must validate against that status's schema with every object closed (a field the document
// does not name is an error: a client generated from the document would not know it). Reusable: the HTTP harness
// runs it on every `call()`, so a route added later is held to its documentation as soon as its tests use `call`.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { openApiDocument } from '../../functions/api/openapi';

type Json = Record<string, unknown>;

interface Operation {
  pattern: RegExp;
  method: string;
  template: string;
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

/** Objects that say nothing about other fields get `additionalProperties: false`; everything else as written. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) {
    out[k] =
      k === 'properties' ? Object.fromEntries(Object.entries(v as Json).map(([p, s]) => [p, closed(s)])) : closed(v);
  }
  if (out.type === 'object' && out.properties && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}

export class OpenApiConformance {
  readonly #operations: Operation[];
  readonly #ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  readonly #compiled = new Map<string, ValidateFunction>();
  readonly #components: Json;

  constructor(document: Json = openApiDocument('https://orgos.test')) {
    const paths = document.paths as Record<string, Record<string, Operation['responses'] & Json>>;
    this.#components = (document.components as Json) ?? {};
    this.#operations = Object.entries(paths).flatMap(([template, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        template,
        method: method.toUpperCase(),
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        responses: (op as Json).responses as Operation['responses'],
      })),
    );
  }

  /** The documented operation a request path falls under, or undefined (an unknown route's 404). */
  operation(method: string, path: string): Operation | undefined {
    const bare = path.split('?')[0]!;
    return this.#operations.find((o) => o.method === method.toUpperCase() && o.pattern.test(bare));
  }

  /**
   * What is wrong with a response, or [] when it is as documented. Bodies are checked for JSON and problem+json;
   * other media types (CSV, HTML) only for being documented.
   */
  problems(method: string, path: string, status: number, contentType: string | null, body: unknown): string[] {
    const op = this.operation(method, path);
    if (!op) return [];
    const where = `${method.toUpperCase()} ${op.template} → ${status}`;
    const response = op.responses[String(status)];
    if (!response) return [`${where}: status ${status} is not documented`];
    const type = (contentType ?? '').split(';')[0]!.trim();
    if (!type || status === 204) return [];
    const media = response.content?.[type];
    if (!response.content) return [`${where}: answers ${type}, the document gives no content`];
    if (!media) return [`${where}: answers ${type}, documented: ${Object.keys(response.content).join(', ')}`];
    if (!type.endsWith('json') || !media.schema) return [];
    const validate = this.#validator(`${op.method} ${op.template} ${status} ${type}`, media.schema);
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (e) =>
        `${where}: ${e.instancePath || '(body)'} ${e.message}${
          e.keyword === 'additionalProperties'
            ? ` "${(e.params as { additionalProperty: string }).additionalProperty}"`
            : ''
        }`,
    );
  }

  #validator(key: string, schema: Json): ValidateFunction {
    let validate = this.#compiled.get(key);
    if (!validate) {
      validate = this.#ajv.compile({ ...(closed(schema) as Json), components: closed(this.#components) });
      this.#compiled.set(key, validate);
    }
    return validate;
  }
}
