import { CURRENT_INSTRUMENT } from '../../shared/instrument';
import { templateHeader } from '../csv-response';

/** The header line only: item ids never need quoting. */
export function templateCommand(): string {
  return `${templateHeader(CURRENT_INSTRUMENT).join(',')}\n`;
}
