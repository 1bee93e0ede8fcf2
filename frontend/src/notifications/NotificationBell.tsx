import { useState } from 'react';
import { ActionIcon, Anchor, Box, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell, IconChecks, IconMessageCircle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useClient } from 'urql';
import { hasLiveConnection } from '../lib/live/connection';
import { formatListTime, formatFull } from '../inbox/format';
import { useNotificationCenter, type NotificationItem } from './useNotificationCenter';

/** How long a reply's toast stays up (hovering keeps it). */
export const TOAST_AUTO_CLOSE_MS = 12_000;

function countLabel(count: number): string {
  return count > 99 ? '99+' : String(count);
}

function NotificationRow({ item, onOpen }: { item: NotificationItem; onOpen: (item: NotificationItem) => void }) {
  const unread = !item.readAt;
  return (
    <UnstyledButton
      onClick={() => onOpen(item)}
      px="md"
      py={10}
      display="block"
      w="100%"
      bg={unread ? 'indigo.0' : undefined}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      data-testid="notification-item"
      data-unread={unread}
      aria-label={`${unread ? 'Unread: ' : ''}${item.candidateName} replied: ${item.body}`}
    >
      <Group gap={8} wrap="nowrap" align="flex-start">
        <Box
          mt={6}
          w={8}
          h={8}
          style={{ borderRadius: '50%', flexShrink: 0, background: unread ? 'var(--mantine-color-indigo-6)' : 'transparent' }}
          aria-hidden
        />
        <Stack gap={2} miw={0} style={{ flex: 1 }}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={unread ? 700 : 500} truncate="end">
              {item.candidateName}
            </Text>
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }} title={formatFull(item.createdAt)}>
              {formatListTime(item.createdAt)}
            </Text>
          </Group>
          <Text size="sm" c={unread ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {item.body}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

/**
 * The header's bell: how many replies are unread, a list of them (newest first, full text), and
 * a toast with the full reply the moment one arrives. Clicking one opens its conversation.
 */
export function NotificationBell() {
  // Without a live link (a client not made by createGraphqlClient, e.g. a test's mock) there is
  // nothing to ring.
  const live = hasLiveConnection(useClient());
  return live ? <LiveNotificationBell /> : null;
}

function LiveNotificationBell() {
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);

  const open = (item: NotificationItem) => {
    setOpened(false);
    notifications.hide(toastId(item));
    if (!item.readAt) void center.markRead(item.id);
    navigate(`/inbox/${item.conversationId}`);
  };

  const center = useNotificationCenter({
    onArrival: (item) =>
      notifications.show({
        id: toastId(item),
        title: `${item.candidateName} replied`,
        message: (
          <Stack gap={4}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="reply-toast-body">
              {item.body}
            </Text>
            <Anchor
              component="button"
              type="button"
              size="xs"
              fw={600}
              onClick={(event) => {
                event.stopPropagation();
                open(item);
              }}
            >
              Open conversation
            </Anchor>
          </Stack>
        ),
        icon: <IconMessageCircle size={18} />,
        color: 'indigo',
        autoClose: TOAST_AUTO_CLOSE_MS,
        // Not over the header, where the bell it rings is.
        position: 'bottom-right',
        withBorder: true,
        onClick: (event: { target: EventTarget | null }) => {
          // The close button (and the link, which handles itself) are buttons inside the toast.
          if (event.target instanceof Element && event.target.closest('button')) return;
          open(item);
        },
        style: { cursor: 'pointer' },
        'data-testid': 'reply-toast',
      } as Parameters<typeof notifications.show>[0]),
  });

  const { unreadCount, items, loaded } = center;
  const label = unreadCount > 0 ? `Notifications: ${unreadCount} unread` : 'Notifications';

  return (
    <Indicator
      label={<span data-testid="notification-count">{countLabel(unreadCount)}</span>}
      size={18}
      offset={4}
      color="red"
      disabled={unreadCount === 0}
    >
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withinPortal trapFocus={false}>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            radius="xl"
            aria-label={label}
            title={label}
            onClick={() => setOpened((o) => !o)}
            data-testid="notification-bell"
          >
            <IconBell size={20} stroke={1.7} />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0}>
          <Group justify="space-between" px="md" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
            <Text fw={600} size="sm">
              Notifications
            </Text>
            <Button variant="subtle" size="compact-xs" leftSection={<IconChecks size={14} />} disabled={unreadCount === 0} onClick={() => void center.markAllRead()}>
              Mark all read
            </Button>
          </Group>
          {items.length === 0 ? (
            <Text size="sm" c="dimmed" p="md" ta="center">
              {loaded ? 'No notifications yet. When a candidate replies to you, it shows here.' : 'Loading…'}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={440} type="auto">
              <Box role="list" aria-label="Notifications" data-testid="notification-list">
                {items.map((item) => (
                  <div role="listitem" key={item.id}>
                    <NotificationRow item={item} onOpen={open} />
                  </div>
                ))}
              </Box>
            </ScrollArea.Autosize>
          )}
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}

function toastId(item: NotificationItem): string {
  return `sms-reply-${item.id}`;
}
