import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { estimatedBits, weakSecretReason } from '../../../functions/auth/secret-strength';

describe('weakSecretReason (17.15)', () => {
  it('refuses short, repeated, sequential and low-variety tokens', () => {
    for (const weak of [
      'aaaaaaaaaaaaaaaa',
      'a'.repeat(64),
      'abcdefghijklmnopqrstuvwxyz0123456789',
      '0123456789012345678901234567',
      'abababababababababababababababab',
      'correct horse battery staple here',
      'short-but-random-Q7x',
    ]) {
      expect(weakSecretReason(weak), weak).not.toBeNull();
    }
  });

  it('takes random tokens of 32 bytes and of 24 characters', () => {
    for (let i = 0; i < 50; i++) {
      const token = randomBytes(32).toString('base64url');
      expect(weakSecretReason(token), token).toBeNull();
      expect(estimatedBits(token)).toBeGreaterThan(150);
    }
    expect(weakSecretReason('pK3v9QmZt7LwXr2bNf8HjY4c')).toBeNull();
  });

  it('never names the token in its reason', () => {
    const weak = 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz';
    expect(weakSecretReason(weak)).not.toContain(weak);
  });
});
