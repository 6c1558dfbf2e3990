// `--map map.json`: the mapping file read and validated, every problem named by its field.
import { readFile } from 'node:fs/promises';
import { type ImportMapping, parseMapping } from '../shared/import';
import { InputError } from './errors';

export async function readMappingFile(path: string): Promise<ImportMapping> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      `cannot read the mapping ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = parseMapping(json);
  if ('issues' in parsed) {
    throw new InputError(`${path}: ${parsed.issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
  }
  return parsed.mapping;
}
