import { describe, expect, it } from 'vitest';
import { formatDuration, splitMinutes, toMinutes } from './duration';
import { senderLabel } from './senderLabel';

describe('durations', () => {
  it('shows minutes in the largest exact unit and back', () => {
    expect(splitMinutes(2880)).toEqual({ amount: 2, unit: 'days' });
    expect(splitMinutes(180)).toEqual({ amount: 3, unit: 'hours' });
    expect(splitMinutes(90)).toEqual({ amount: 90, unit: 'minutes' });
    expect(splitMinutes(0)).toEqual({ amount: 0, unit: 'days' });
    expect(toMinutes({ amount: 2, unit: 'days' })).toBe(2880);
    expect(toMinutes({ amount: '', unit: 'hours' })).toBeNull();
    expect(toMinutes({ amount: 1.5, unit: 'minutes' })).toBeNull();
  });

  it('reads naturally', () => {
    expect(formatDuration(1)).toBe('1 minute');
    expect(formatDuration(1440)).toBe('1 day');
    expect(formatDuration(1440 + 180 + 5)).toBe('1 day 3 hours 5 minutes');
    expect(formatDuration(10080)).toBe('7 days');
  });
});

describe('senderLabel', () => {
  it('names the number and From name the candidate sees', () => {
    expect(senderLabel({ id: 'u1', name: 'Jane Doe', smsNumber: '+61480000001', senderNumber: '+61480000001', fromName: 'Jane Doe' })).toBe(
      'Jane Doe — +61480000001 · From: Jane Doe',
    );
    expect(senderLabel({ id: 'u2', name: 'Sam Taylor', smsNumber: null, senderNumber: '+61480000000', fromName: 'Acme Talent' })).toBe(
      'Sam Taylor — +61480000000 (company number) · From: Acme Talent',
    );
  });
});
