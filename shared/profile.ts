import * as z from 'zod/mini';
import { LEVELS } from './instrument';
import { nameProblem, normalizeName } from './names';

const count = () => z.number().check(z.int(), z.gte(0), z.lte(10_000_000));
const amount = () => z.number().check(z.gte(0), z.lte(1_000_000_000));

/**
 * Facts about the organisation, entered by leadership or its consultant: the cash side of the diagnosis. Built on first
 * use (`z.lazy`): most importers (and every Lambda cold start) never validate a profile.
 */
export const OrgProfileSchema = z.lazy(() =>
  z.strictObject({
    /** Yearly AI spend per employee (tools, seats, tokens, vendors, training), in the currency below. */
    aiSpendPerEmployee: z.optional(amount()),
    currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/))),
    seats: z.optional(count()),
    vendors: z.optional(count()),
    pilots: z.optional(count()),
    /** Yearly AI training hours per employee. */
    trainingHoursPerEmployee: z.optional(z.number().check(z.gte(0), z.lte(2000))),
    headcount: z.optional(
      z.strictObject({
        total: z.optional(count()),
        // Keyed by department names, normalised as the campaign's are (so they match) and never a reserved key.
        byDepartment: z.optional(
          z.record(
            z.string().check(
              z.overwrite(normalizeName),
              z.minLength(1),
              z.maxLength(80),
              z.refine((name) => nameProblem(name) === null, {
                message: 'must be well-formed text without control characters, and not a reserved name',
              }),
            ),
            count(),
          ),
        ),
        byLevel: z.optional(z.partialRecord(z.enum(LEVELS), count())),
      }),
    ),
  }),
);
export type OrgProfile = z.infer<typeof OrgProfileSchema>;
