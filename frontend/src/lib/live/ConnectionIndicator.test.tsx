import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { ConnectionIndicator, OFFLINE_LABEL } from './ConnectionIndicator';
import { createLiveConnection } from './connection';
import { liveMockClient } from './testing';

describe('the live connection status', () => {
  it('is reconnecting after an abnormal close, online after connecting again, and says it was a reconnect', () => {
    const connection = createLiveConnection();
    const reconnected = vi.fn();
    connection.onReconnect(reconnected);
    expect(connection.getState()).toBe('idle');

    connection.listeners.connecting(false);
    expect(connection.getState()).toBe('connecting');
    connection.listeners.connected({}, undefined, false);
    expect(connection.getState()).toBe('online');
    expect(reconnected).not.toHaveBeenCalled();

    connection.listeners.closed({ code: 1006, reason: '' });
    expect(connection.getState()).toBe('reconnecting');
    connection.listeners.connecting(true);
    expect(connection.getState()).toBe('reconnecting');
    connection.listeners.connected({}, undefined, true);
    expect(connection.getState()).toBe('online');
    expect(reconnected).toHaveBeenCalledTimes(1);
  });

  it('treats a normal close (nothing subscribed, signed out) as idle, not offline', () => {
    const connection = createLiveConnection();
    connection.listeners.connected({}, undefined, false);
    connection.listeners.closed({ code: 1000, reason: 'Normal Closure' });
    expect(connection.getState()).toBe('idle');
    connection.listeners.closed({ code: 4401, reason: 'Unauthorized' });
    expect(connection.getState()).toBe('idle');
  });

  it('terminates a socket whose pong does not come back', () => {
    vi.useFakeTimers();
    try {
      const connection = createLiveConnection();
      const terminate = vi.fn();
      connection.track({ terminate } as never);
      connection.listeners.ping(false);
      connection.listeners.pong(true);
      vi.advanceTimersByTime(60_000);
      expect(terminate).not.toHaveBeenCalled();
      connection.listeners.ping(false);
      vi.advanceTimersByTime(60_000);
      expect(terminate).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps retrying however long the outage', () => {
    const { socketOptions } = createLiveConnection();
    expect(socketOptions.retryAttempts).toBe(Number.POSITIVE_INFINITY);
    expect(socketOptions.shouldRetry(new Event('error'))).toBe(true);
  });
});

describe('the offline indicator', () => {
  it('shows "Offline — reconnecting…" while the socket is down, and goes away when it is back', () => {
    const mock = liveMockClient({});
    renderWithProviders(<ConnectionIndicator />, { client: mock.client });
    expect(screen.queryByText(OFFLINE_LABEL)).not.toBeInTheDocument();

    act(() => mock.connection.listeners.connected({}, undefined, false));
    expect(screen.queryByText(OFFLINE_LABEL)).not.toBeInTheDocument();

    act(() => mock.connection.listeners.closed({ code: 1006, reason: '' }));
    expect(screen.getByTestId('connection-offline')).toHaveTextContent('Offline — reconnecting…');
    expect(screen.getByRole('status')).toHaveTextContent(OFFLINE_LABEL);

    act(() => mock.connection.listeners.connected({}, undefined, true));
    expect(screen.queryByText(OFFLINE_LABEL)).not.toBeInTheDocument();
  });
});
