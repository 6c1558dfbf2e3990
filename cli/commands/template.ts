import { CURRENT_INSTRUMENT, type Instrument } from '../../shared/instrument';
import { templateHeader } from '../csv-response';

/** The header line only: item ids never need quoting. */
export function templateCommand(instrument: Instrument = CURRENT_INSTRUMENT): string {
  return `${templateHeader(instrument).join(',')}\n`;
}
