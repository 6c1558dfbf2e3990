// The same responses exported as Google Forms, LimeSurvey, Qualtrics and Microsoft Forms (through Excel) write them,
// each scored by `orgos score` exactly as the native `orgos template` file of those responses.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TO_FILL } from '../../../cli/commands/map';
import { run } from '../../../cli/main';
import { INSTRUMENTS } from '../../../shared/instrument';
import type { SurveyResponse } from '../../../shared/response';
import { responsesCsv } from '../../cli/responses-csv';
import {
  googleFormsCsv,
  limeSurveyCsv,
  microsoftFormsExcelCsv,
  qualtricsCsv,
  unicodeTextFile,
} from '../../cli/tool-exports';
import { makeResponses } from '../../factories';

const dir = mkdtempSync(join(tmpdir(), 'orgos-tools-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function file(bytes: Uint8Array | string, ext = 'csv'): string {
  const path = join(dir, `file-${++files}.${ext}`);
  writeFileSync(path, bytes);
  return path;
}

async function orgos(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe.each(INSTRUMENTS.map((instrument) => [instrument.version, instrument] as const))(
  'instrument %s',
  (version, instrument) => {
    /** The report of a file, and what was said on stderr; fails the test when scoring fails. */
    async function score(path: string, ...flags: string[]) {
      const r = await orgos('score', path, '--json', '--min-group', '3', '--instrument', version, ...flags);
      expect(r.code, r.stderr).toBe(0);
      return { model: JSON.parse(r.stdout) as unknown, stderr: r.stderr };
    }

    const noDuration = (rs: SurveyResponse[]) => rs.map(({ durationS: _, ...r }) => r);
    const wholeSeconds = (rs: SurveyResponse[]) => rs.map((r) => ({ ...r, durationS: Math.round(r.durationS ?? 300) }));

    describe('exports of survey tools score exactly as the native file', () => {
      it('Google Forms: question text as headers, labels as answers, a timestamp and e-mail addresses', async () => {
        const responses = noDuration(
          makeResponses(40, 11, { instrument, departments: ['Sales', 'Operations, North'] }),
        );
        const exported = file(googleFormsCsv(instrument, responses).bytes);
        const native = await score(file(responsesCsv(responses, { instrument })));
        const tool = await score(exported);
        expect(tool.model).toEqual(native.model);
        expect(tool.stderr).toContain(`${exported}: UTF-8, comma-separated, CRLF line ends; 40 rows scored`);
        expect(tool.stderr).toContain('ignored, not scored: "Timestamp"');
        expect(tool.stderr).toContain('identifying, never read: "Email Address"');
        // The addresses are never read, so nothing printed holds one.
        expect(tool.stderr + JSON.stringify(tool.model)).not.toContain('@example.com');
      });

      it('Google Forms in Chinese, saved by Excel as Unicode text (UTF-16 LE, tabs)', async () => {
        const responses = noDuration(makeResponses(30, 12, { instrument, departments: ['销售', '运营'] }));
        const { header, rows } = googleFormsCsv(instrument, responses, 'zh');
        const exported = file(unicodeTextFile(header, rows), 'txt');
        const tool = await score(exported);
        expect(tool.model).toEqual((await score(file(responsesCsv(responses, { instrument })))).model);
        expect(tool.stderr).toContain('UTF-16 LE with BOM, tab-separated, CRLF line ends; 30 rows scored');
      });

      it('LimeSurvey: its own codes through a mapping proposed by orgos map and filled in by the survey author', async () => {
        const responses = noDuration(makeResponses(40, 13, { instrument }));
        const { bytes, mappingEdits } = limeSurveyCsv(instrument, responses);
        const exported = file(bytes);
        // Without a mapping nothing matches: one clear error, nothing scored.
        const bare = await orgos('score', exported, '--json', '--instrument', version);
        expect(bare).toMatchObject({ code: 2, stdout: '' });
        expect(bare.stderr).toContain('no column for the level');

        const proposed = await orgos('map', exported, '--instrument', version);
        expect(proposed.code, proposed.stderr).toBe(0);
        const first = JSON.parse(proposed.stdout);
        expect(first.columns.G01Q01).toBeNull();
        expect(first.unmatched.ipaddr.why).toContain('never read');
        expect(first.unmatched.id.why).toContain('never read');
        // The author names the columns, asks again, and is shown the codes that do not read yet.
        const named = file(
          JSON.stringify({ ...first, columns: { ...first.columns, ...mappingEdits.columns } }),
          'json',
        );
        const second = JSON.parse((await orgos('map', exported, '--map', named, '--instrument', version)).stdout);
        expect(second.values.likert).toMatchObject({ A1: TO_FILL, A5: TO_FILL, A6: TO_FILL });
        expect(second.values.level).toMatchObject({ A1: TO_FILL });
        // Left unfilled, a placeholder is an error, not a silent guess.
        const unfilled = await orgos(
          'score',
          exported,
          '--map',
          file(JSON.stringify(second), 'json'),
          '--instrument',
          version,
        );
        expect(unfilled.code).toBe(2);
        const filled = file(JSON.stringify({ ...second, values: mappingEdits.values }), 'json');
        const tool = await score(exported, '--map', filled);
        expect(tool.model).toEqual((await score(file(responsesCsv(responses, { instrument })))).model);
        expect(tool.stderr).not.toContain('192.0.2.');
        expect(readFileSync(filled, 'utf8')).not.toContain('192.0.2.');
      });

      it('Qualtrics: three header rows, matrix columns, German labels, Duration (in seconds), UTF-8 with BOM', async () => {
        const responses = wholeSeconds(
          makeResponses(40, 14, { instrument, departments: ['Vertrieb', 'Geschäftsführung'] }).map((r, i) =>
            i < 4 ? { ...r, durationS: 20 } : r,
          ),
        );
        const exported = file(qualtricsCsv(instrument, responses).bytes);
        const tool = await score(exported);
        const native = await score(file(responsesCsv(responses, { instrument })));
        expect(tool.model).toEqual(native.model);
        // The durations were read: the too-fast respondents are flagged as in the native file.
        expect((tool.model as { quality: { tooFast: number } }).quality.tooFast).toBeGreaterThan(0);
        expect(tool.stderr).toContain(
          'UTF-8 with BOM, comma-separated, CRLF line ends, Qualtrics layout (3 header rows)',
        );
        for (const name of ['IPAddress', 'ResponseId', 'RecipientEmail', 'RecipientLastName', 'LocationLatitude']) {
          expect(tool.stderr).toMatch(new RegExp(`identifying, never read:.*"${name}"`));
        }
        expect(tool.stderr + JSON.stringify(tool.model)).not.toMatch(/example\.com|Nachname|198\.51\.100|R_x/);
      });

      it('Microsoft Forms via Excel: Windows-1252, semicolons, CR line ends, 4.0, trailing empty rows', async () => {
        const responses = noDuration(
          makeResponses(40, 15, { instrument, departments: ['Geschäftsführung', 'Vertrieb'] }),
        );
        const exported = file(microsoftFormsExcelCsv(instrument, responses).bytes);
        const tool = await score(exported);
        expect(tool.model).toEqual((await score(file(responsesCsv(responses, { instrument })))).model);
        expect(tool.stderr).toContain(
          `${exported}: Windows-1252, semicolon-separated, CR line ends; 40 rows scored, 3 empty rows skipped`,
        );
        expect(JSON.stringify(tool.model)).toContain('Geschäftsführung');
        expect(tool.stderr).toMatch(/identifying, never read: "ID", "Email", "Name"/);
      });
    });
  },
);
