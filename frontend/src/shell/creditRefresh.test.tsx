import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { announceCreditChange, CREDIT_FOLLOW_UP_DELAYS_MS, CREDIT_REFRESH_INTERVAL_MS, useCreditRefresh } from './creditRefresh';

function Probe({ refetch }: { refetch: () => void }) {
  useCreditRefresh(refetch);
  return null;
}

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
}

// ShellHeader passes `() => reexecute({ requestPolicy: 'network-only' })` to this hook.
describe("useCreditRefresh: the header's credit balance follows sends", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    setVisibility('visible');
  });
  afterEach(() => {
    vi.useRealTimers();
    setVisibility('visible');
  });

  it('re-reads every interval while the tab is visible, not while hidden, and at once on return', () => {
    const refetch = vi.fn();
    render(<Probe refetch={refetch} />);
    expect(refetch).not.toHaveBeenCalled();

    act(() => vi.advanceTimersByTime(CREDIT_REFRESH_INTERVAL_MS));
    expect(refetch).toHaveBeenCalledTimes(1);
    act(() => vi.advanceTimersByTime(CREDIT_REFRESH_INTERVAL_MS));
    expect(refetch).toHaveBeenCalledTimes(2);

    setVisibility('hidden');
    act(() => vi.advanceTimersByTime(CREDIT_REFRESH_INTERVAL_MS * 3));
    expect(refetch).toHaveBeenCalledTimes(2);

    setVisibility('visible');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(refetch).toHaveBeenCalledTimes(3);
  });

  it('re-reads right after a retry is announced, and again shortly after', () => {
    const refetch = vi.fn();
    render(<Probe refetch={refetch} />);

    act(() => announceCreditChange());
    expect(refetch).toHaveBeenCalledTimes(1);
    act(() => vi.advanceTimersByTime(CREDIT_FOLLOW_UP_DELAYS_MS[CREDIT_FOLLOW_UP_DELAYS_MS.length - 1]!));
    expect(refetch).toHaveBeenCalledTimes(1 + CREDIT_FOLLOW_UP_DELAYS_MS.length);
  });

  it('stops everything on unmount', () => {
    const refetch = vi.fn();
    const { unmount } = render(<Probe refetch={refetch} />);
    act(() => announceCreditChange());
    unmount();
    act(() => vi.advanceTimersByTime(CREDIT_REFRESH_INTERVAL_MS * 2));
    act(() => announceCreditChange());
    expect(refetch).toHaveBeenCalledTimes(1);
  });
});
