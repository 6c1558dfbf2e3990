import { type ChoiceOption, type Instrument, LANGUAGES, LEVELS, type Level, type Localized } from '../instrument';
import type { CampaignCategory, CampaignLedgerSettings, ResolvedLedgerDesign, WaitHolder } from './types';

/** Always offered at the end of a category list, whatever the campaign sets: a respondent's case may fit none. */
export const OTHER_ID = 'other';

/** Category ids: short, stable, safe as JSON keys and CSV values. */
export const CATEGORY_ID = /^[a-z0-9][a-z0-9_]{0,39}$/;

/** The most characters a free-text label keeps (after cleaning). */
export const LABEL_MAX = 80;

/** A label in every language, falling back to the first one given (a campaign names its categories in its languages). */
function localized(label: Partial<Localized>): Localized {
  const fallback = LANGUAGES.map((l) => label[l]).find((v) => v !== undefined) ?? '';
  return Object.fromEntries(LANGUAGES.map((l) => [l, label[l] ?? fallback])) as Localized;
}

function withOther(categories: readonly CampaignCategory[] | undefined, defaults: ChoiceOption[]): ChoiceOption[] {
  if (!categories) return defaults;
  const other = defaults.find((c) => c.id === OTHER_ID);
  const own = categories.map((c) => ({ id: c.id, label: localized(c.label) }));
  return other && !own.some((c) => c.id === OTHER_ID) ? [...own, other] : own;
}

/**
 * The ledger step a campaign asks: the instrument's design with the campaign's own category lists (or the defaults),
 * its departments as the holders of waits, and whether labels are on. Null when the instrument has no ledger step.
 * `departments` null: any department name may hold a wait (the CLI, which has no campaign).
 */
export function ledgerDesignFor(
  instrument: Instrument,
  settings: CampaignLedgerSettings | undefined,
  departments: readonly string[] | null,
): ResolvedLedgerDesign | null {
  const d = instrument.ledger;
  if (!d) return null;
  return {
    maxEntries: d.maxEntries,
    time: {
      categories: withOther(settings?.timeCategories, d.time.categories),
      reasons: d.time.reasons,
      hoursPerWeek: d.time.hoursPerWeek,
    },
    waiting: { kinds: d.waiting.kinds, days: d.waiting.days, timesPerMonth: d.waiting.timesPerMonth },
    knowledge: {
      categories: withOther(settings?.knowledgeCategories, d.knowledge.categories),
      checksPerWeek: d.knowledge.checksPerWeek,
      sop: d.knowledge.sop,
    },
    departments,
    labels: settings?.labels !== undefined,
  };
}

/**
 * The instrument's own design with any category id and any department: what the scoring engine checks a response
 * against (it has no campaign; the API checks the campaign's lists before anything is stored).
 */
export function engineLedgerDesign(instrument: Instrument): ResolvedLedgerDesign | null {
  const design = ledgerDesignFor(instrument, undefined, null);
  return design ? { ...design, labels: true, openCategories: true } : null;
}

// ---- who holds a wait, as one string (statistics keys, form values, CSV cells)

/** A level as the holder of a wait, in the survey's holder list and the report. */
export const HOLDER_LEVEL_NAMES: Record<Level, Localized> = {
  frontline: { en: 'Frontline staff', zh: '一线员工', de: 'Mitarbeitende im Tagesgeschäft' },
  manager: { en: 'Managers', zh: '管理者', de: 'Führungskräfte' },
  executive: { en: 'Senior leadership', zh: '高层领导', de: 'Geschäftsleitung' },
};

const LEVEL_PREFIX = 'level:';
const DEPARTMENT_PREFIX = 'department:';

/** `level:manager` or `department:Finance`: one key per holder, never colliding. */
export const holderKey = (h: WaitHolder): string =>
  'level' in h ? `${LEVEL_PREFIX}${h.level}` : `${DEPARTMENT_PREFIX}${h.department}`;

/**
 * A holder from its key; also reads a bare name as a department (a CSV cell), so `level:` is needed for a level only.
 * Null for an empty string or an unknown level.
 */
export function parseHolder(value: string): WaitHolder | null {
  if (value.startsWith(LEVEL_PREFIX)) {
    const level = value.slice(LEVEL_PREFIX.length);
    return (LEVELS as readonly string[]).includes(level) ? { level: level as Level } : null;
  }
  const department = value.startsWith(DEPARTMENT_PREFIX) ? value.slice(DEPARTMENT_PREFIX.length) : value;
  return department.length > 0 ? { department } : null;
}
