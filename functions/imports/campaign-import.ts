// A CSV of answers collected in another survey tool, uploaded into a campaign: read as `orgos score` reads files
// (shared/import: encoding, delimiter, header matching, mapping), every row checked as a survey submission is checked,
// then, only if every row passed, each written through the submission path itself (`submitResponse`). A rejected file
// stores nothing. Each row's response id is derived from its content and how often that content came before in the
// file, so uploading the same file again (or a later export of it, with rows added) adds only what is new; a crash
// mid-write is completed by uploading the same file again.
import { createHash } from 'node:crypto';
import {
  type ColumnPlan,
  CsvError,
  type CsvFormat,
  CsvInput,
  DELIMITER_NAMES,
  ImportError,
  type ImportMapping,
  normaliseText,
  parseMapping,
  ResponseReader,
  targetName,
} from '../../shared/import';
import { type LedgerAnswers, ledgerDesignFor, ledgerIssues } from '../../shared/ledger';
import type { SurveyResponse } from '../../shared/response';
import { answerIssues } from '../../shared/response';
import type { AppDeps } from '../api/deps';
import { type FieldIssue, PayloadTooLarge, UnsupportedMediaType, ValidationFailed } from '../api/errors';
import { boundaryOf, readMultipart } from '../api/multipart';
import { type Submission, submitResponse } from '../api/routes/surveys';
import { canonicalHash } from '../api/token-hash';
import { instrumentOf } from '../reports/campaign-stats';
import type { CampaignRecord } from '../store/store';

/** Rows one upload may hold; beyond this, split the file (each part is its own all-or-nothing upload). */
export const MAX_IMPORT_ROWS = 20_000;
/** Row problems listed in a rejection; the count says how many there were in all. */
const MAX_LISTED = 100;
/** Writes in flight at once: the table takes them in parallel, one conditional put each. */
const WRITE_CONCURRENCY = 16;
const MAX_MAPPING_BYTES = 256 * 1024;
/** The longest duration a submission may carry (SubmitResponseBody). */
const MAX_DURATION_S = 7 * 24 * 3600;

export interface ImportResult {
  campaignId: string;
  /** Data rows in the file (empty ones included). */
  rows: number;
  /** Responses written by this upload. */
  imported: number;
  /** Rows already stored by an earlier upload of the same content. */
  alreadyImported: number;
  /** Empty rows (every cell empty), passed over. */
  skipped: { count: number; rows: number[] };
  file: {
    encoding: string;
    bom: boolean;
    delimiter: string;
    lineEnds: string | null;
    headerRows: number;
    tool: string | null;
  };
  columns: { read: { column: string; as: string }[]; ignored: string[]; identifying: string[] };
}

/** A row that passed, ready to be written. */
interface ReadyRow {
  row: number;
  response: SurveyResponse;
}

/** The deterministic response id of a row: its content and its occurrence among rows with the same content. */
function rowResponseId(campaignId: string, contentHash: string, occurrence: number): string {
  const h = createHash('sha256')
    .update(`orgos-import\u0000${campaignId}\u0000${contentHash}\u0000${occurrence}`)
    .digest('hex');
  // Shaped as a v4 UUID, as a client's response id is.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function describeFile(format: CsvFormat, plan: ColumnPlan): ImportResult['file'] {
  return {
    encoding: format.encoding,
    bom: format.bom,
    delimiter: DELIMITER_NAMES[format.delimiter],
    lineEnds: format.lineEnd,
    headerRows: plan.headerRows,
    tool: plan.tool,
  };
}

function describeColumns(plan: ColumnPlan): ImportResult['columns'] {
  return {
    read: plan.columns.flatMap((c) => (c.target ? [{ column: c.name, as: targetName(c.target) }] : [])),
    ignored: plan.columns.filter((c) => c.ignored !== null && c.ignored !== 'identifying').map((c) => c.name),
    identifying: plan.columns.filter((c) => c.ignored === 'identifying').map((c) => c.name),
  };
}

/** The reading side of an upload: rows checked as submissions, problems collected by row. */
class UploadReader {
  readonly ready: ReadyRow[] = [];
  readonly issues: FieldIssue[] = [];
  rejectedRows = 0;
  readonly skipped: number[] = [];
  readonly reader: ResponseReader;
  readonly input: CsvInput;
  readonly #departments: Map<string, string>;

  constructor(
    private readonly campaign: CampaignRecord,
    mapping: ImportMapping | undefined,
  ) {
    const instrument = instrumentOf(campaign);
    // Department names as the campaign has them; a file's "sales " or "SALES" is the campaign's "Sales".
    this.#departments = new Map(campaign.departments.map((d) => [normaliseText(d), d]));
    // Ledger columns read against the campaign's own lists and label setting; who holds a wait is matched to its
    // departments below, as the department column is.
    const ledgerDesign = ledgerDesignFor(instrument, campaign.ledger, null) ?? undefined;
    this.reader = new ResponseReader(
      instrument,
      (coded, row) => {
        if (this.reader.rows > MAX_IMPORT_ROWS) {
          throw new PayloadTooLarge(`at most ${MAX_IMPORT_ROWS} rows per upload: split the file`);
        }
        this.#check(row, this.reader.mapper!.response(coded));
      },
      {
        mapping,
        ...(ledgerDesign ? { ledgerDesign } : {}),
        onSkip: (row) => this.skipped.push(row),
        onReject: (error, row) => this.#reject(`rows[${row}]`, error.message),
      },
    );
    this.input = new CsvInput(this.reader);
  }

  #reject(field: string, message: string): void {
    this.rejectedRows++;
    if (this.issues.length < MAX_LISTED) this.issues.push({ field, message });
  }

  /** The checks of a submission (SubmitResponseBody, `submitResponse`), with the row number in every field. */
  #check(row: number, response: SurveyResponse): void {
    const at = `rows[${row}]`;
    const problems: FieldIssue[] = answerIssues(instrumentOf(this.campaign), response.answers).map((i) => ({
      field: `${at}.answers.${i.field}`,
      message: i.message,
    }));
    if (Object.keys(response.answers).length === 0)
      problems.push({ field: `${at}.answers`, message: 'no answer in the row' });
    const department =
      response.department === null ? undefined : this.#departments.get(normaliseText(response.department));
    if (department === undefined) {
      problems.push({
        field: `${at}.department`,
        message:
          response.department === null
            ? `no department: expected one of ${this.campaign.departments.join(', ')}`
            : `"${response.department}" is not one of the campaign's departments (${this.campaign.departments.join(', ')}); recode it in the mapping`,
      });
    }
    if (response.durationS !== undefined && response.durationS > MAX_DURATION_S) {
      problems.push({ field: `${at}.durationS`, message: `at most ${MAX_DURATION_S} seconds` });
    }
    const ledger = response.ledger && this.#ledger(at, response.ledger, problems);
    if (problems.length > 0) {
      this.rejectedRows++;
      for (const p of problems) if (this.issues.length < MAX_LISTED) this.issues.push(p);
      return;
    }
    this.ready.push({ row, response: { ...response, department: department!, ...(ledger ? { ledger } : {}) } });
  }

  /** The row's ledger with each wait's holder in the campaign's spelling, checked as a submission's is. */
  #ledger(at: string, ledger: LedgerAnswers, problems: FieldIssue[]): LedgerAnswers {
    const waiting = ledger.waiting?.map((entry, i) => {
      if (!('department' in entry.heldBy)) return entry;
      const department = this.#departments.get(normaliseText(entry.heldBy.department));
      if (department === undefined) {
        problems.push({
          field: `${at}.ledger.waiting[${i}].heldBy`,
          message: `"${entry.heldBy.department}" is not one of the campaign's departments (${this.campaign.departments.join(', ')}) nor a level (level:manager)`,
        });
        return entry;
      }
      return { ...entry, heldBy: { department } };
    });
    const own: LedgerAnswers = waiting ? { ...ledger, waiting } : ledger;
    const design = ledgerDesignFor(instrumentOf(this.campaign), this.campaign.ledger, this.campaign.departments);
    if (design && problems.every((p) => !p.field.startsWith(`${at}.ledger`))) {
      for (const issue of ledgerIssues(design, own))
        problems.push({ field: `${at}.${issue.field}`, message: issue.message });
    }
    return own;
  }
}

const fileProblem = (error: unknown): never => {
  if (error instanceof ImportError) throw new ValidationFailed([{ field: 'file', message: error.message }]);
  throw error;
};

/** Reads the upload: a CSV body (`text/csv`), or a form with an optional `mapping` part before its `file` part. */
async function readUpload(
  campaign: CampaignRecord,
  body: ReadableStream<Uint8Array> | null,
  contentType: string,
): Promise<UploadReader> {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (!body) throw new ValidationFailed([{ field: 'file', message: 'the upload is empty' }]);
  if (type === 'text/csv' || type === 'text/plain' || type === 'application/octet-stream') {
    const upload = new UploadReader(campaign, undefined);
    try {
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (value) upload.input.push(value);
        if (done) break;
      }
      upload.input.end();
      upload.reader.end();
    } catch (error) {
      fileProblem(error);
    }
    return upload;
  }
  if (type !== 'multipart/form-data') {
    throw new UnsupportedMediaType('send the file as text/csv, or as multipart/form-data with a "file" part');
  }
  const boundary = boundaryOf(contentType);
  if (!boundary) throw new ValidationFailed([{ field: 'body', message: 'multipart/form-data without a boundary' }]);
  let upload: UploadReader | null = null;
  let mappingBytes: Buffer[] | null = null;
  let part: 'mapping' | 'file' | 'other' = 'other';
  let mapping: ImportMapping | undefined;
  try {
    await readMultipart(body, boundary, {
      start({ name }) {
        if (name === 'mapping') {
          if (upload) throw new ValidationFailed([{ field: 'mapping', message: 'send the mapping before the file' }]);
          part = 'mapping';
          mappingBytes = [];
        } else if (name === 'file') {
          if (upload) throw new ValidationFailed([{ field: 'file', message: 'one file per upload' }]);
          part = 'file';
          upload = new UploadReader(campaign, mapping);
        } else part = 'other';
      },
      data(bytes) {
        if (part === 'file') upload!.input.push(bytes);
        else if (part === 'mapping') {
          mappingBytes!.push(Buffer.from(bytes));
          if (mappingBytes!.reduce((n, b) => n + b.length, 0) > MAX_MAPPING_BYTES) {
            throw new ValidationFailed([{ field: 'mapping', message: `at most ${MAX_MAPPING_BYTES} bytes` }]);
          }
        }
      },
      end() {
        if (part === 'file') {
          upload!.input.end();
          upload!.reader.end();
        } else if (part === 'mapping') mapping = parseMappingPart(Buffer.concat(mappingBytes!).toString('utf8'));
        part = 'other';
      },
    });
  } catch (error) {
    if (error instanceof CsvError || error instanceof ImportError) fileProblem(error);
    throw error;
  }
  if (!upload) throw new ValidationFailed([{ field: 'file', message: 'the form has no "file" part' }]);
  return upload;
}

function parseMappingPart(text: string): ImportMapping | undefined {
  if (text.trim().length === 0) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ValidationFailed([{ field: 'mapping', message: 'is not valid JSON' }]);
  }
  const parsed = parseMapping(json);
  if ('issues' in parsed) {
    throw new ValidationFailed(parsed.issues.map((i) => ({ field: `mapping.${i.field}`, message: i.message })));
  }
  return parsed.mapping;
}

/**
 * Imports an upload into an open campaign (the caller checked access). Throws ValidationFailed naming every bad row
 * (and nothing is written) or the file's problem; otherwise writes each row as a submission and says what it did.
 */
export async function importIntoCampaign(
  deps: AppDeps,
  campaign: CampaignRecord,
  body: ReadableStream<Uint8Array> | null,
  contentType: string,
): Promise<ImportResult> {
  const upload = await readUpload(campaign, body, contentType);
  const { reader, input } = upload;
  if (!reader.mapper || !input.format) throw new ValidationFailed([{ field: 'file', message: 'the file is empty' }]);
  const plan = reader.mapper.plan;
  if (upload.rejectedRows > 0) {
    throw new ValidationFailed(
      upload.issues,
      `${upload.rejectedRows} of ${reader.rows} rows rejected; nothing was imported. Correct them (or the mapping) ` +
        'and upload the whole file again',
    );
  }
  if (upload.ready.length === 0)
    throw new ValidationFailed([{ field: 'file', message: 'no data rows after the header' }]);

  const occurrences = new Map<string, number>();
  const submissions: Submission[] = upload.ready.map(({ response }) => {
    const content = {
      answers: response.answers,
      level: response.level,
      department: response.department!,
      ...(response.durationS === undefined ? {} : { durationS: response.durationS }),
      ...(response.ledger ? { ledger: response.ledger } : {}),
    };
    const hash = canonicalHash(content);
    const occurrence = occurrences.get(hash) ?? 0;
    occurrences.set(hash, occurrence + 1);
    return { responseId: rowResponseId(campaign.id, hash, occurrence), ...content };
  });
  let imported = 0;
  let next = 0;
  const worker = async () => {
    while (next < submissions.length) {
      const submission = submissions[next++]!;
      // Each row as a survey submission: the same checks, the same one conditional put; a row stored by an earlier
      // upload answers as a retry does.
      const result = await submitResponse(deps, campaign, submission, deps.clock());
      if (result.created) imported++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, submissions.length) }, worker));
  deps.metrics?.addMetric('ResponsesImported', 'Count', imported);
  return {
    campaignId: campaign.id,
    rows: reader.rows,
    imported,
    alreadyImported: submissions.length - imported,
    skipped: { count: upload.skipped.length, rows: upload.skipped },
    file: describeFile(input.format, plan),
    columns: describeColumns(plan),
  };
}
