import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { liveMockClient } from '../lib/live/testing';
import { mockClient } from '../test/mockClient';
import { renderWithProviders } from '../test/render';
import { NotificationBell } from './NotificationBell';
import { announceNotificationsChanged } from './notificationSync';
import type { NotificationItem } from './useNotificationCenter';

const aNotification = (overrides: Partial<NotificationItem> = {}): NotificationItem =>
  ({
    __typename: 'Notification',
    id: 'n1',
    kind: 'SMS_REPLY',
    body: 'Yes, Tuesday at 10 works.',
    candidateName: 'Olivia Nguyen',
    conversationId: 'c1',
    createdAt: '2026-11-02T01:00:00Z',
    readAt: null,
    ...overrides,
  }) as NotificationItem;

const LONG_REPLY =
  'Hi Jane, thanks so much for getting back to me. Tuesday at 10 works well, and I can bring my portfolio and references. ' +
  'Is there parking near the office, or should I take the train? Also, will the interview be with the whole team?';

function setup(server: { count: number; items: NotificationItem[] } = { count: 1, items: [aNotification()] }) {
  let current = server;
  const mock = liveMockClient({
    NotificationCenter: () => ({ data: { unreadNotificationCount: current.count, notifications: current.items } }),
    MarkNotificationRead: (variables) => ({ data: { markNotificationRead: { __typename: 'Notification', id: variables.id, readAt: '2026-11-02T02:00:00Z' } } }),
    MarkAllNotificationsRead: { data: { markAllNotificationsRead: 1 } },
  });
  return { ...mock, setServer: (next: typeof server) => (current = next) };
}

const renderBell = (client: ReturnType<typeof setup>['client']) =>
  renderWithProviders(<NotificationBell />, { client, route: '/workflows', path: '/workflows' });

describe('the notification bell', () => {
  it('shows the unread count, and it rises when a notification arrives live, with a toast of the full reply', async () => {
    const mock = setup();
    renderBell(mock.client);
    expect(await screen.findByTestId('notification-count')).toHaveTextContent('1');

    const reply = aNotification({ id: 'n2', body: LONG_REPLY, createdAt: '2026-11-02T03:00:00Z' });
    act(() => mock.emit('NotificationReceived', { notificationReceived: reply }));

    expect(screen.getByTestId('notification-count')).toHaveTextContent('2');
    expect(screen.getByRole('button', { name: 'Notifications: 2 unread' })).toBeInTheDocument();
    // The toast carries the whole reply, not a truncated preview.
    expect(await screen.findByText('Olivia Nguyen replied')).toBeInTheDocument();
    expect(screen.getByTestId('reply-toast-body')).toHaveTextContent(LONG_REPLY);
  });

  it('counts a notification once when it arrives twice, or live and in the next fetch', async () => {
    const mock = setup({ count: 0, items: [] });
    renderBell(mock.client);
    await waitFor(() => expect(mock.executed()).toContain('NotificationCenter'));
    expect(screen.queryByTestId('notification-count')).not.toBeInTheDocument();

    const reply = aNotification({ id: 'n9' });
    act(() => mock.emit('NotificationReceived', { notificationReceived: reply }));
    act(() => mock.emit('NotificationReceived', { notificationReceived: reply }));
    expect(screen.getByTestId('notification-count')).toHaveTextContent('1');
    expect(screen.getAllByText('Olivia Nguyen replied')).toHaveLength(1);

    // The server has it too by the next fetch (say, after a reconnect): still one.
    mock.setServer({ count: 1, items: [reply] });
    act(() => announceNotificationsChanged());
    await waitFor(() => expect(mock.executed().filter((name) => name === 'NotificationCenter')).toHaveLength(2));
    expect(screen.getByTestId('notification-count')).toHaveTextContent('1');
  });

  it('opens the conversation from the toast and marks the notification read', async () => {
    const mock = setup({ count: 0, items: [] });
    const user = userEvent.setup();
    renderBell(mock.client);
    await waitFor(() => expect(mock.executed()).toContain('NotificationCenter'));
    act(() => mock.emit('NotificationReceived', { notificationReceived: aNotification({ id: 'n5', conversationId: 'c42' }) }));

    await user.click(await screen.findByRole('button', { name: 'Open conversation' }));
    expect(await screen.findByText('Stand-in for /inbox/c42')).toBeInTheDocument();
    expect(mock.executed()).toContain('MarkNotificationRead');
  });

  it('lists notifications newest first with their full text; a click opens the conversation; "Mark all read" clears the count', async () => {
    const mock = setup({
      count: 2,
      items: [
        aNotification({ id: 'n2', body: 'Second reply', createdAt: '2026-11-02T02:00:00Z', candidateName: 'Liam Smith', conversationId: 'c2' }),
        aNotification({ id: 'n1', body: 'First reply', createdAt: '2026-11-02T01:00:00Z' }),
        aNotification({ id: 'n0', body: 'An old one', createdAt: '2026-11-01T01:00:00Z', readAt: '2026-11-01T02:00:00Z' }),
      ],
    });
    const user = userEvent.setup();
    const { unmount } = renderBell(mock.client);
    await user.click(await screen.findByRole('button', { name: 'Notifications: 2 unread' }));
    const rows = within(await screen.findByTestId('notification-list')).getAllByTestId('notification-item');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('Second reply'),
      expect.stringContaining('First reply'),
      expect.stringContaining('An old one'),
    ]);
    expect(rows.map((row) => row.dataset.unread)).toEqual(['true', 'true', 'false']);

    await user.click(screen.getByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(screen.queryByTestId('notification-count')).not.toBeInTheDocument());
    expect(mock.executed()).toContain('MarkAllNotificationsRead');
    unmount();

    const again = setup({ count: 1, items: [aNotification({ id: 'n7', conversationId: 'c7' })] });
    renderBell(again.client);
    await user.click(await screen.findByRole('button', { name: 'Notifications: 1 unread' }));
    await user.click(await screen.findByTestId('notification-item'));
    expect(await screen.findByText('Stand-in for /inbox/c7')).toBeInTheDocument();
    expect(again.executed()).toContain('MarkNotificationRead');
  });

  it('re-reads the count after a reconnect', async () => {
    const mock = setup({ count: 1, items: [aNotification()] });
    renderBell(mock.client);
    expect(await screen.findByTestId('notification-count')).toHaveTextContent('1');

    mock.setServer({ count: 3, items: [aNotification({ id: 'a' }), aNotification({ id: 'b' }), aNotification({ id: 'c' })] });
    act(() => {
      mock.connection.listeners.closed({ code: 1006, reason: '' });
      mock.connection.listeners.connected({}, undefined, true);
    });
    await waitFor(() => expect(screen.getByTestId('notification-count')).toHaveTextContent('3'));
  });

  it('is not there for a client without a live link', () => {
    const { client, executed } = mockClient({});
    renderBell(client);
    expect(screen.queryByTestId('notification-bell')).not.toBeInTheDocument();
    expect(executed()).toEqual([]);
  });
});
