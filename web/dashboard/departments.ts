// The departments field: one department per line, each line whole ("Credit, risk and collections" is one), blank
// lines ignored, and a repeated name found before sending with the same rule the API applies (shared/names.ts).

import { nameKey, normalizeName } from '../../shared/names';

export interface DepartmentLines {
  /** The departments as sent, in the order written. */
  names: string[];
  /** Each repeat: its line (1-based), its name and the line it first appeared on. */
  duplicates: { line: number; name: string; firstLine: number }[];
}

export function parseDepartments(text: string): DepartmentLines {
  const names: string[] = [];
  const duplicates: DepartmentLines['duplicates'] = [];
  const firstLine = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const name = normalizeName(raw);
    if (!name) return;
    const key = nameKey(name);
    const first = firstLine.get(key);
    if (first !== undefined) {
      duplicates.push({ line: i + 1, name, firstLine: first });
      return;
    }
    firstLine.set(key, i + 1);
    names.push(name);
  });
  return { names, duplicates };
}

/** `departments[2]` names the third department sent: the line it came from, for the error text. */
export function departmentLine(text: string, index: number): number | null {
  let seen = -1;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (normalizeName(lines[i]!)) seen++;
    if (seen === index) return i + 1;
  }
  return null;
}
