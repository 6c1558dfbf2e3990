// One respondent's ledger entries as numbers, in buffers reused row after row: what the CSV reader fills
// (ledger-columns.ts) and the scoring engine folds (ledger-tally.ts), with no object per entry. Filling it is the
// check: an entry goes in only if it fits the design, with the verdict ledgerFits gives for the same entries, so
// nothing downstream checks the entries again. toAnswers gives them back as the objects a submission carries.

import { LEVELS } from '../instrument';
import { CATEGORY_ID } from './design';
import { cleanLabel } from './label-text';
import type { LedgerAnswers, Range, ResolvedLedgerDesign, WaitEntry } from './types';
import { inRange, LABEL_INPUT_MAX, ticksOf } from './validate';

const LEVEL_PREFIX = 'level:';
const DEPARTMENT_PREFIX = 'department:';

/** The ids of a design's lists by their position, so an entry keeps a small integer instead of a string. */
interface Lists {
  timeCategories: ReadonlySet<string>;
  reasons: ReadonlyMap<string, number>;
  kinds: ReadonlyMap<string, number>;
  knowledgeCategories: ReadonlySet<string>;
  sop: ReadonlyMap<string, number>;
  departments: ReadonlySet<string> | null;
}
const lists = new WeakMap<ResolvedLedgerDesign, Lists>();
function listsOf(d: ResolvedLedgerDesign): Lists {
  let l = lists.get(d);
  if (!l) {
    const positions = (options: readonly { id: string }[]) => new Map(options.map((o, i) => [o.id, i]));
    l = {
      timeCategories: new Set(d.time.categories.map((c) => c.id)),
      reasons: positions(d.time.reasons),
      kinds: positions(d.waiting.kinds),
      knowledgeCategories: new Set(d.knowledge.categories.map((c) => c.id)),
      sop: positions(d.knowledge.sop),
      departments: d.departments ? new Set(d.departments) : null,
    };
    lists.set(d, l);
  }
  return l;
}

// Module-local copies of imported bindings read per entry (under tsx, which runs the CLI, each read of an import is
// a call).
const fits = inRange;
const ticksFrom = ticksOf;
const LEVEL_NAMES: readonly string[] = LEVELS;
/** Holders remembered per LedgerCodes (a CSV names a few, row after row); more than this are read each time. */
const MAX_HOLDERS = 1024;

/** A number of the entry when it is one of the range's steps, else -1: what the fold counts it under. */
const ticksIn = (value: number, range: Range): number => (fits(value, range) ? ticksFrom(value, range) : -1);

/** Who holds a wait: a level's position in LEVELS, or -1 and a department. */
interface Holder {
  level: number;
  department: string;
}

/** One ledger's entries: per entry a category (or kind), a number and its ticks, an option, a label. */
class Entries {
  count = 0;
  /** Time and knowledge: the category id. */
  readonly category: string[];
  /** Hours a week (time), checks a week (knowledge), days (waiting): as given, and in ticks of the design's step. */
  readonly value: Float64Array;
  readonly ticks: Int32Array;
  /** Waiting: times a month, as given and in ticks. */
  readonly value2: Float64Array;
  readonly ticks2: Int32Array;
  /** The reason (time), SOP status (knowledge) or kind (waiting) as its position in the design's list; -1: none. */
  readonly option: Int32Array;
  /** Waiting: the holding level's position in LEVELS, or -1 for a department (then in `department`). */
  readonly level: Int32Array;
  readonly department: string[];
  /** The label as it is stored (cleaned), or undefined. */
  readonly label: (string | undefined)[];

  constructor(max: number) {
    this.category = new Array<string>(max).fill('');
    this.value = new Float64Array(max);
    this.ticks = new Int32Array(max);
    this.value2 = new Float64Array(max);
    this.ticks2 = new Int32Array(max);
    this.option = new Int32Array(max);
    this.level = new Int32Array(max);
    this.department = new Array<string>(max).fill('');
    this.label = new Array<string | undefined>(max).fill(undefined);
  }
}

/**
 * The ledger entries of one row, checked against `design` as they are added (addTime, addWait, addKnowledge return
 * false for an entry that does not fit; the row is then not to be folded). `clear` readies it for the next row.
 */
export class LedgerCodes {
  readonly design: ResolvedLedgerDesign;
  readonly time: Entries;
  readonly waiting: Entries;
  readonly knowledge: Entries;
  readonly #lists: Lists;
  /** Holders as spelled in the cells read so far, and what they came to (null: no holder of this design). */
  readonly #holders = new Map<string, Holder | null>();

  constructor(design: ResolvedLedgerDesign) {
    this.design = design;
    this.#lists = listsOf(design);
    this.time = new Entries(design.maxEntries);
    this.waiting = new Entries(design.maxEntries);
    this.knowledge = new Entries(design.maxEntries);
  }

  clear(): void {
    this.time.count = 0;
    this.waiting.count = 0;
    this.knowledge.count = 0;
  }

  /** Whether no entry is held. */
  get empty(): boolean {
    return this.time.count === 0 && this.waiting.count === 0 && this.knowledge.count === 0;
  }

  /** A time entry; `hours` NaN when missing or not a number. */
  addTime(category: string | undefined, hours: number, reason: string | undefined, label: string | undefined): boolean {
    const d = this.design;
    return this.#categoryEntry(
      this.time,
      category,
      this.#lists.timeCategories,
      ticksIn(hours, d.time.hoursPerWeek),
      hours,
      reason,
      this.#lists.reasons,
      label,
    );
  }

  /** A knowledge entry; `checks` NaN when missing or not a number. */
  addKnowledge(category: string | undefined, checks: number, sop: string | undefined, label: string | undefined) {
    const d = this.design;
    return this.#categoryEntry(
      this.knowledge,
      category,
      this.#lists.knowledgeCategories,
      ticksIn(checks, d.knowledge.checksPerWeek),
      checks,
      sop,
      this.#lists.sop,
      label,
    );
  }

  /**
   * A wait; `holder` as a CSV cell or form field spells it (`level:manager`, `department:Finance`, or a bare
   * department name), `days` and `times` NaN when missing or not a number.
   */
  addWait(
    kind: string | undefined,
    holder: string | undefined,
    days: number,
    times: number,
    label: string | undefined,
  ): boolean {
    const d = this.design;
    const e = this.waiting;
    const i = e.count;
    if (i >= d.maxEntries || kind === undefined || holder === undefined) return false;
    const k = this.#lists.kinds.get(kind);
    if (k === undefined) return false;
    let held = this.#holders.get(holder);
    if (held === undefined) {
      held = this.#holder(holder);
      if (this.#holders.size < MAX_HOLDERS) this.#holders.set(holder, held);
    }
    if (held === null) return false;
    const { level, department } = held;
    const dayTicks = ticksIn(days, d.waiting.days);
    const timeTicks = ticksIn(times, d.waiting.timesPerMonth);
    if (dayTicks < 0 || timeTicks < 0) return false;
    // One entry per wait: the same kind held by the same holder is named once.
    for (let j = 0; j < i; j++) {
      if (e.option[j] === k && e.level[j] === level && (level >= 0 || e.department[j] === department)) return false;
    }
    if (!this.#label(e, i, label)) return false;
    e.option[i] = k;
    e.level[i] = level;
    e.department[i] = department;
    e.value[i] = days;
    e.ticks[i] = dayTicks;
    e.value2[i] = times;
    e.ticks2[i] = timeTicks;
    e.count = i + 1;
    return true;
  }

  /** A holder as a cell or form field spells it, or null when it names no level or no department of the design. */
  #holder(holder: string): Holder | null {
    if (holder.startsWith(LEVEL_PREFIX)) {
      const level = LEVEL_NAMES.indexOf(holder.slice(LEVEL_PREFIX.length));
      return level < 0 ? null : { level, department: '' };
    }
    const department = holder.startsWith(DEPARTMENT_PREFIX) ? holder.slice(DEPARTMENT_PREFIX.length) : holder;
    const known = this.#lists.departments;
    const fitting = known ? known.has(department) : department.trim().length > 0 && department.length <= 80;
    return fitting ? { level: -1, department } : null;
  }

  #categoryEntry(
    e: Entries,
    category: string | undefined,
    listed: ReadonlySet<string>,
    ticks: number,
    value: number,
    option: string | undefined,
    options: ReadonlyMap<string, number>,
    label: string | undefined,
  ): boolean {
    const i = e.count;
    if (i >= this.design.maxEntries || category === undefined || ticks < 0) return false;
    if (!listed.has(category) && !(this.design.openCategories === true && CATEGORY_ID.test(category))) return false;
    for (let j = 0; j < i; j++) if (e.category[j] === category) return false;
    const o = option === undefined ? -1 : (options.get(option) ?? -2);
    if (o === -2) return false;
    if (!this.#label(e, i, label)) return false;
    e.category[i] = category;
    e.value[i] = value;
    e.ticks[i] = ticks;
    e.option[i] = o;
    e.count = i + 1;
    return true;
  }

  /** Checks a label as ledgerIssues does and keeps it as it is stored (cleanLabel; dropped when nothing is left). */
  #label(e: Entries, i: number, label: string | undefined): boolean {
    if (label === undefined) {
      e.label[i] = undefined;
      return true;
    }
    // Characters as ledgerIssues counts them (code points); only long strings need the count.
    if (!this.design.labels || (label.length > LABEL_INPUT_MAX && [...label].length > LABEL_INPUT_MAX)) return false;
    e.label[i] = cleanLabel(label) ?? undefined;
    return true;
  }

  /** The entries as a submission carries them (storedLedger's form: labels cleaned); undefined when there are none. */
  toAnswers(): LedgerAnswers | undefined {
    const d = this.design;
    const out: LedgerAnswers = {};
    const { time, waiting, knowledge } = this;
    if (time.count > 0) {
      out.time = [];
      for (let i = 0; i < time.count; i++) {
        const o = time.option[i]!;
        out.time.push({
          category: time.category[i]!,
          hoursPerWeek: time.value[i]!,
          ...(o >= 0 ? { reason: d.time.reasons[o]!.id } : {}),
          ...withLabel(time.label[i]),
        });
      }
    }
    if (waiting.count > 0) {
      out.waiting = [];
      for (let i = 0; i < waiting.count; i++) {
        const level = waiting.level[i]!;
        const heldBy: WaitEntry['heldBy'] =
          level >= 0 ? { level: LEVELS[level]! } : { department: waiting.department[i]! };
        out.waiting.push({
          kind: d.waiting.kinds[waiting.option[i]!]!.id,
          heldBy,
          days: waiting.value[i]!,
          timesPerMonth: waiting.value2[i]!,
          ...withLabel(waiting.label[i]),
        });
      }
    }
    if (knowledge.count > 0) {
      out.knowledge = [];
      for (let i = 0; i < knowledge.count; i++) {
        const o = knowledge.option[i]!;
        out.knowledge.push({
          category: knowledge.category[i]!,
          checksPerWeek: knowledge.value[i]!,
          ...(o >= 0 ? { sop: d.knowledge.sop[o]!.id } : {}),
          ...withLabel(knowledge.label[i]),
        });
      }
    }
    return out.time || out.waiting || out.knowledge ? out : undefined;
  }
}

const withLabel = (label: string | undefined) => (label === undefined ? {} : { label });
