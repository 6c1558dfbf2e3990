import {
  CURRENT_INSTRUMENT,
  type Instrument,
  type Item,
  LAYERS,
  type Language,
  SIGNALS,
  signalName,
} from '../../shared/instrument';
import { UsageError } from '../errors';

export interface InstrumentOptions {
  json: boolean;
  lang?: string | undefined;
}

export function instrumentCommand(options: InstrumentOptions, instrument: Instrument = CURRENT_INSTRUMENT): string {
  // The instrument is data: its JSON is the definition itself, with every item's id, type, layer or signal,
  // reverse flag, text in all languages, options and help.
  if (options.json) return `${JSON.stringify(instrument, null, 2)}\n`;
  const lang = options.lang ?? 'en';
  if (!(instrument.languages as readonly string[]).includes(lang)) {
    throw new UsageError(`--lang: expected one of ${instrument.languages.join(', ')}, got "${lang}"`);
  }
  return listing(instrument, lang as Language);
}

function listing(instrument: Instrument, lang: Language): string {
  const width = Math.max(...instrument.items.map((i) => i.id.length));
  const lines = [
    `${instrument.id} ${instrument.version}: ${instrument.items.length} items, languages ${instrument.languages.join(', ')}`,
    'Likert items: 1 strongly disagree … 5 strongly agree, dk = don’t know; (R) = reverse-worded, scored 6 - answer.',
  ];
  const itemLine = (item: Item) => {
    const mark = item.type === 'likert' && item.reverse ? ' (R)' : '';
    const out = [`  ${item.id.padEnd(width)}  ${item.text[lang]}${mark}`];
    if (item.help) out.push(`  ${' '.repeat(width)}  ${item.help[lang]}`);
    if (item.type === 'choice') {
      for (const o of item.options) out.push(`  ${' '.repeat(width)}  - ${o.id}: ${o.label[lang]}`);
    }
    return out.join('\n');
  };
  for (const layer of LAYERS) {
    const def = instrument.layers[layer];
    lines.push('', `Layer ${layer}: ${def.name[lang]}. ${def.question[lang]}`);
    for (const item of instrument.items) if ('layer' in item && item.layer === layer) lines.push(itemLine(item));
  }
  for (const signal of SIGNALS) {
    const items = instrument.items.filter((i) => 'signal' in i && i.signal === signal);
    if (items.length === 0) continue;
    lines.push('', `Signal ${signal}: ${signalName(instrument, signal, lang)}`);
    for (const item of items) lines.push(itemLine(item));
  }
  lines.push('', `Segments: level (${instrument.segments.level.options.map((o) => o.id).join(', ')}), department`);
  return `${lines.join('\n')}\n`;
}
