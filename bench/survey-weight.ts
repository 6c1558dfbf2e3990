// survey-weight: what a respondent's browser downloads on first view of a survey link (the server-rendered HTML of
// /s/{token} plus every stylesheet, script and font it references), gzip -9 each, beside the SurveyJS form library's
// own minified core files (installed for the bench only, never a product dependency).
import { join } from 'node:path';
import { ROOT } from './lib/bundle';
import type { BenchContext } from './lib/context';
import { fileSizes, gzipSize } from './lib/gzip';
import { surveyFirstView } from './lib/product';
import { type Row, row } from './lib/result';

/**
 * SurveyJS's framework-independent core: the minified model script and its minified default theme. A page also needs
 * one UI package (survey-js-ui, survey-react-ui, ...) on top, which is not installed, so this baseline is a floor.
 */
export const SURVEYJS_FILES = ['survey.core.min.js', 'survey-core.min.css'];

export async function surveyWeight(ctx: BenchContext): Promise<Row[]> {
  const dir = join(ROOT, 'node_modules/survey-core');
  const baseline = SURVEYJS_FILES.reduce((sum, f) => sum + fileSizes(join(dir, f)).gzip, 0);
  const baselineNote = `baseline: survey-core 3.1.1 ${SURVEYJS_FILES.join(' + ')} (gzip -9, no UI package)`;

  let value: number | null = null;
  let note = '';
  try {
    const view = await surveyFirstView(ctx.tmp);
    const parts = [
      { path: 'HTML', bytes: gzipSize(view.html) },
      ...view.assets.map((a) => ({ path: a.path, bytes: gzipSize(a.body) })),
    ];
    value = parts.reduce((sum, p) => sum + p.bytes, 0);
    note = `first view of /s/{token}: ${parts.map((p) => `${p.path} ${p.bytes}`).join(' + ')} bytes gzip -9; ${baselineNote}`;
  } catch (e) {
    note = `not measured: ${(e as Error).message.split('\n')[0]}; ${baselineNote}`;
    ctx.log(note);
  }
  return [row({ id: 'survey-weight.first-view', value, baseline, target: 'value <= 14336', unit: 'B', note })];
}
