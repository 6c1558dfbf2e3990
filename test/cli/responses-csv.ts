// Writes responses as the CSV `orgos score` reads (the `orgos template` columns), quoting as RFC 4180 asks.
import { templateHeader } from '../../cli/csv-response';
import { CURRENT_INSTRUMENT, type Instrument } from '../../shared/instrument';
import type { SurveyResponse } from '../../shared/response';

export const csvField = (value: string): string =>
  /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;

export function responsesCsv(
  responses: Iterable<SurveyResponse>,
  { instrument = CURRENT_INSTRUMENT, eol = '\n' }: { instrument?: Instrument; eol?: string } = {},
): string {
  const header = templateHeader(instrument);
  const lines = [header.join(',')];
  for (const r of responses) {
    const cells = header.map((column) => {
      if (column === 'level') return r.level;
      if (column === 'department') return r.department === null ? '' : csvField(r.department);
      if (column === 'duration_s') return r.durationS === undefined ? '' : String(r.durationS);
      const answer = r.answers[column];
      return answer === undefined ? '' : String(answer);
    });
    lines.push(cells.join(','));
  }
  return lines.join(eol) + eol;
}
