import { describe, expect, it } from 'vitest';
import { explainStep, stepStateLabel } from './stepStates';

const at = (iso: string) => iso;

describe('explainStep', () => {
  const base = { kind: 'CHAT_MESSAGE' as const, dueAt: '2026-11-28T05:00:00Z', attempts: 0 };

  it('puts the state word before the engine reason', () => {
    expect(explainStep({ ...base, state: 'SKIPPED', reason: 'insufficient SMS credits' })).toBe('Skipped — insufficient SMS credits');
    expect(explainStep({ ...base, state: 'SKIPPED', reason: 'no valid mobile: not a mobile number' })).toBe(
      'Skipped — no valid mobile: not a mobile number',
    );
  });

  it('does not repeat the state the engine already wrote', () => {
    expect(explainStep({ ...base, state: 'HELD', reason: 'held: the workflow is paused; it runs when the workflow is started again' })).toBe(
      'Held — the workflow is paused; it runs when the workflow is started again',
    );
  });

  it('tells when a retrying step tries again', () => {
    expect(explainStep({ ...base, state: 'PENDING', attempts: 2, reason: 'retrying: read timed out' }, at)).toBe(
      'Pending — retrying: read timed out (attempt 3 at 2026-11-28T05:00:00Z)',
    );
  });

  it('says until when a Wait step waits', () => {
    expect(explainStep({ ...base, kind: 'WAIT', state: 'PENDING' }, at)).toBe('Waiting until 2026-11-28T05:00:00Z');
    expect(stepStateLabel('SENT', 'WAIT')).toBe('Waited');
    expect(stepStateLabel('SENT', 'CHAT_MESSAGE')).toBe('Sent');
  });

  it('has words for states without a reason', () => {
    expect(explainStep({ ...base, state: 'HELD' })).toMatch(/^Held — the workflow is paused/);
    expect(explainStep({ ...base, state: 'SENT' })).toBe('Sent');
    expect(explainStep({ ...base, state: 'DEAD' })).toMatch(/credits were refunded/);
  });
});
