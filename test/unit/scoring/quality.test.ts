import { describe, expect, it } from 'vitest';
import { CURRENT_INSTRUMENT, isLikert } from '../../../shared/instrument';
import type { Answers } from '../../../shared/response';
import { MIN_SECONDS_PER_ITEM, qualityFlags, STRAIGHT_LINE_MIN_ITEMS, scoreResponses } from '../../../shared/scoring';
import { baseAnswers, makeResponse } from '../../factories';

const likert = CURRENT_INSTRUMENT.items.filter(isLikert);
const forward = likert.filter((i) => !i.reverse);
const reversed = likert.filter((i) => i.reverse);
const all = (items: typeof likert, value: number | 'dk'): Answers =>
  Object.fromEntries(items.map((i) => [i.id, value]));
const flags = (answers: Answers, durationS?: number) =>
  qualityFlags(CURRENT_INSTRUMENT, makeResponse({ answers, durationS }));

describe('straight-lining', () => {
  it('does not flag an attentive respondent', () => {
    expect(flags(baseAnswers())).toEqual({ straightLining: false, tooFast: false });
  });

  it('flags the same answer everywhere, reverse-worded items included', () => {
    expect(flags(all(likert, 4)).straightLining).toBe(true);
    expect(flags(all(likert, 3)).straightLining).toBe(true);
  });

  it('needs at least the minimum number of answered items', () => {
    const nine = { ...all(forward.slice(0, STRAIGHT_LINE_MIN_ITEMS - 2), 5), ...all(reversed.slice(0, 1), 5) };
    const ten = { ...all(forward.slice(0, STRAIGHT_LINE_MIN_ITEMS - 1), 5), ...all(reversed.slice(0, 1), 5) };
    expect(flags(nine).straightLining).toBe(false);
    expect(flags(ten).straightLining).toBe(true);
  });

  it('needs both reverse-worded and plain items, where identical answers contradict each other', () => {
    expect(flags(all(forward, 5)).straightLining).toBe(false);
  });

  it("ignores don't know and skipped items, and is broken by one different answer", () => {
    expect(flags({ ...all(likert, 2), [likert[0]!.id]: 'dk' }).straightLining).toBe(true);
    expect(flags({ ...all(likert, 2), [likert[0]!.id]: 3 }).straightLining).toBe(false);
  });
});

describe('too fast', () => {
  const answered = CURRENT_INSTRUMENT.items.length;

  it('flags less than the minimum time per answered item', () => {
    expect(flags(baseAnswers(), MIN_SECONDS_PER_ITEM * answered - 1).tooFast).toBe(true);
    expect(flags(baseAnswers(), MIN_SECONDS_PER_ITEM * answered).tooFast).toBe(false);
  });

  it("scales with the number of items answered, don't know included", () => {
    expect(flags(all(likert.slice(0, 4), 'dk'), 5).tooFast).toBe(true);
    expect(flags(all(likert.slice(0, 4), 'dk'), 6).tooFast).toBe(false);
  });

  it('does not flag when the duration is unknown or nothing was answered', () => {
    expect(flags(baseAnswers(), undefined).tooFast).toBe(false);
    expect(flags({}, 0).tooFast).toBe(false);
  });
});

describe('quality in the report', () => {
  const good = makeResponse();
  const straight = makeResponse({ answers: all(likert, 5) });
  const fast = makeResponse({ durationS: 10 });
  const both = makeResponse({ answers: all(likert, 5), durationS: 10 });

  it('counts flagged responses and keeps them in the scores by default', () => {
    const r = scoreResponses(CURRENT_INSTRUMENT, [good, straight, fast, both]);
    expect(r.quality).toEqual({ flagged: 3, straightLining: 2, tooFast: 2, excluded: false });
    expect(r.n).toBe(4);
    expect(r.layers.roles.n).toBe(4);
  });

  it('leaves flagged responses out of every score when asked, but still counts them', () => {
    const r = scoreResponses(CURRENT_INSTRUMENT, [good, straight, fast, both], { excludeFlagged: true });
    expect(r.quality).toEqual({ flagged: 3, straightLining: 2, tooFast: 2, excluded: true });
    expect(r.n).toBe(1);
    expect(r.layers.roles.n).toBe(1);
    expect(r.layers.roles.score).toBe(75);
    expect(r.capacityDecision.n).toBe(1);
  });
});
