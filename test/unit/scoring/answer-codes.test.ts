import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENT_INSTRUMENT, DONT_KNOW, isLikert, LIKERT_MAX, LIKERT_MIN } from '../../../shared/instrument';
import { type Answers, answerIssues } from '../../../shared/response';
import {
  answerCodes,
  DONT_KNOW_CODE,
  decodeAnswers,
  encodeAnswers,
  FIRST_OPTION_CODE,
  UNANSWERED,
} from '../../../shared/scoring';
import { baseAnswers, responseArb } from '../../factories';

const I = CURRENT_INSTRUMENT;
const coding = answerCodes(I);

describe('answerCodes', () => {
  it('codes a likert answer as itself, dk after it, and choice options in their order', () => {
    expect(coding.map((c) => c.id)).toEqual(I.items.map((i) => i.id));
    I.items.forEach((item, i) => {
      const { codes, values } = coding[i]!;
      expect(values[UNANSWERED]).toBeUndefined();
      if (isLikert(item)) {
        for (let v = LIKERT_MIN; v <= LIKERT_MAX; v++) expect(codes.get(v)).toBe(v);
        expect(codes.get(DONT_KNOW)).toBe(DONT_KNOW_CODE);
        expect(codes.size).toBe(LIKERT_MAX - LIKERT_MIN + 2);
      } else {
        expect([...codes]).toEqual(item.options.map((o, k) => [o.id, FIRST_OPTION_CODE + k]));
      }
      for (const [value, code] of codes) expect(values[code]).toBe(value);
    });
  });
});

describe('encodeAnswers and decodeAnswers', () => {
  it('round-trip every valid set of answers, writing every byte', () => {
    fc.assert(
      fc.property(responseArb, ({ answers }) => {
        const codes = new Uint8Array(I.items.length).fill(99);
        expect(encodeAnswers(coding, answers, codes)).toBe(true);
        expect(codes.every((c) => c !== 99)).toBe(true);
        expect({ ...decodeAnswers(coding, codes) }).toEqual(answers);
      }),
    );
  });

  it('refuse exactly the answers answerIssues finds fault with', () => {
    const bad: Answers[] = [
      { ...baseAnswers(), roles_split: 6 },
      { ...baseAnswers(), roles_split: 2.5 },
      { ...baseAnswers(), roles_split: '4' },
      { ...baseAnswers(), sig_capacity_use: DONT_KNOW },
      { ...baseAnswers(), sig_capacity_use: 1 },
      { ...baseAnswers(), no_such_item: 3 },
    ];
    const codes = new Uint8Array(I.items.length);
    for (const answers of bad) {
      expect(answerIssues(I, answers)).not.toEqual([]);
      expect(encodeAnswers(coding, answers, codes)).toBe(false);
    }
    expect(encodeAnswers(coding, baseAnswers(), codes)).toBe(true);
  });
});
