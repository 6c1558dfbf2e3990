import { basename } from 'node:path';
import type { Instrument } from '../../shared/instrument';
import { type ScoreOptions, scoreModel } from '../score-model';
import { textReport } from '../text-report';

export type ScoreFormat = 'text' | 'json' | 'html';

/** Output is built whole and returned: nothing is printed unless every row of every file was valid. */
export async function scoreCommand(
  options: ScoreOptions & { format: ScoreFormat; instrument: Instrument },
): Promise<string> {
  const { instrument } = options;
  const model = await scoreModel(options, instrument);
  if (options.format === 'json') return `${JSON.stringify(model, null, 2)}\n`;
  if (options.format === 'html') {
    // Loaded only here: the renderer and its CSS are not needed for text or JSON.
    const { renderReportDocument } = await import('../../web/report/render-report');
    return `${renderReportDocument({ ...model, campaign: { name: basename(options.file) } })}\n`;
  }
  return textReport(instrument, model);
}
