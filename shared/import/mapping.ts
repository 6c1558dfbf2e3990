// The mapping file (`orgos map FILE.csv > map.json`, `orgos score FILE.csv --map map.json`, the API's `mapping`
// part): which column holds which item, and how a tool's own answer codes read. Proposed by `proposeMapping`
// (column-plan.ts), edited by a person, validated here with the field named in every error.
import * as z from 'zod/mini';

/** A recoded value: a likert answer (1-5 or "dk"), a choice option or level id, a department name; null: unanswered. */
const recodeValue = () => z.union([z.number(), z.string().check(z.maxLength(200)), z.null()]);

export const ImportMappingSchema = z.strictObject({
  /** The instrument the mapping was made for (`id@version`); informational. */
  instrument: z.optional(z.string()),
  /**
   * Column header (the first header row, as in the file) → item id, `level`, `department` or `duration_s`; null:
   * ignore the column. Columns not named here are matched by id or item text as without a mapping.
   */
  columns: z.optional(z.record(z.string().check(z.maxLength(2000)), z.nullable(z.string().check(z.maxLength(200))))),
  /**
   * Recodes: under `likert` (every likert item), an item id, `level` or `department`, the file's value → the answer.
   * Values are compared trimmed and regardless of case. An item's own recodes win over `likert`.
   */
  values: z.optional(
    z.record(z.string().check(z.maxLength(200)), z.record(z.string().check(z.maxLength(200)), recodeValue())),
  ),
  /** Written by `orgos map` for the person editing the file; ignored when read. */
  unmatched: z.optional(z.unknown()),
  file: z.optional(z.unknown()),
  items: z.optional(z.unknown()),
});

export type ImportMapping = z.infer<typeof ImportMappingSchema>;
export type RecodeValue = number | string | null;

export interface MappingIssue {
  /** The field of the mapping file, e.g. `values.likert["A7"]`. */
  field: string;
  message: string;
}

/** `values.likert["A7"]`: the first key plain, the rest in brackets (headers hold spaces and dots). */
const fieldPath = (path: readonly PropertyKey[]): string =>
  path
    .map((p, i) => (i === 0 ? String(p) : typeof p === 'number' ? `[${p}]` : `[${JSON.stringify(String(p))}]`))
    .join('');

/** The mapping, or the issues that make it unusable (each naming its field). */
export function parseMapping(value: unknown): { mapping: ImportMapping } | { issues: MappingIssue[] } {
  const result = z.safeParse(ImportMappingSchema, value);
  if (result.success) return { mapping: result.data };
  return {
    issues: result.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return { field: issue.keys.join(', '), message: 'is not a field of a mapping (columns, values)' };
      }
      const field = fieldPath(issue.path) || '(the file)';
      const message =
        issue.code === 'invalid_type'
          ? `expected ${issue.expected}`
          : issue.code === 'too_big'
            ? 'is too long'
            : issue.code === 'invalid_union'
              ? 'expected a number, a string or null'
              : 'is invalid';
      return { field, message };
    }),
  };
}
