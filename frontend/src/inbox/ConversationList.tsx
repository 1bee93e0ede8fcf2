import { useRef, type KeyboardEvent } from 'react';
import { Avatar, Badge, Box, Button, Group, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconInbox, IconMessageOff, IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { errorMessage } from '../lib/errors';
import type { InboxConversation } from './fragments';
import { formatFull, formatListTime } from './format';
import type { useInboxList } from './useInboxList';

function ListSkeleton() {
  return (
    <Stack gap={0} aria-busy="true" aria-label="Loading conversations">
      {[0, 1, 2, 3, 4].map((row) => (
        <Group key={row} gap="sm" px="md" py={12} wrap="nowrap">
          <Skeleton h={36} w={36} circle />
          <Stack gap={6} style={{ flex: 1 }}>
            <Skeleton h={12} w="55%" />
            <Skeleton h={10} w="85%" />
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}

function ConversationItem({ conversation, selected, search }: { conversation: InboxConversation; selected: boolean; search: string }) {
  const unread = conversation.unread > 0;
  const { candidate } = conversation;
  return (
    <UnstyledButton
      component={Link}
      to={`/inbox/${conversation.id}${search}`}
      aria-current={selected ? 'true' : undefined}
      data-conversation-item
      data-testid="conversation-item"
      data-conversation-id={conversation.id}
      data-unread={conversation.unread}
      px="md"
      py={10}
      display="block"
      bg={selected ? 'indigo.0' : undefined}
      style={{
        borderLeft: `3px solid ${selected ? 'var(--mantine-color-indigo-6)' : 'transparent'}`,
        borderBottom: '1px solid var(--mantine-color-gray-2)',
      }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Avatar name={candidate.fullName} color="initials" radius="xl" size={36} />
        <Stack gap={2} miw={0} style={{ flex: 1 }}>
          <Group gap={6} wrap="nowrap" justify="space-between">
            <Text size="sm" fw={unread ? 700 : 500} truncate="end" data-testid="conversation-name">
              {candidate.fullName}
            </Text>
            <Text size="xs" c={unread ? 'indigo.7' : 'dimmed'} fw={unread ? 600 : 400} style={{ flexShrink: 0 }} title={formatFull(conversation.lastMessageAt)}>
              {formatListTime(conversation.lastMessageAt)}
            </Text>
          </Group>
          <Group gap={6} wrap="nowrap" justify="space-between">
            <Text size="xs" c={unread ? undefined : 'dimmed'} fw={unread ? 500 : 400} truncate="end" data-testid="conversation-preview">
              {conversation.preview || '—'}
            </Text>
            {unread && (
              <Badge size="sm" circle={conversation.unread < 10} variant="filled" style={{ flexShrink: 0 }} data-testid="conversation-unread" aria-label={`${conversation.unread} unread`}>
                {conversation.unread > 99 ? '99+' : conversation.unread}
              </Badge>
            )}
          </Group>
          <Group gap={6} wrap="nowrap">
            <Text size="xs" c="dimmed" truncate="end" data-testid="conversation-assignee">
              {conversation.assignedUser ? conversation.assignedUser.name : 'Unassigned (admins)'}
            </Text>
            {candidate.smsOptOut && (
              <Badge size="xs" variant="light" color="red" radius="sm" leftSection={<IconMessageOff size={10} />} style={{ textTransform: 'none', flexShrink: 0 }}>
                Opted out
              </Badge>
            )}
          </Group>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

/** Arrow keys move between conversations; Home/End jump to the first and last. */
function moveFocus(event: KeyboardEvent<HTMLElement>) {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-conversation-item]')];
  if (items.length === 0) return;
  const index = items.indexOf(document.activeElement as HTMLElement);
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? items.length - 1
        : event.key === 'ArrowDown'
          ? Math.min(items.length - 1, index + 1)
          : Math.max(0, index - 1);
  event.preventDefault();
  items[next]?.focus();
}

/** The left pane's list: conversations, most recent activity first, with "Load more". */
export function ConversationList({
  list,
  selectedId,
  search,
  filtered,
  onClearFilters,
}: {
  list: ReturnType<typeof useInboxList>;
  selectedId: string | null;
  /** The current query string, kept on the links so the filters survive opening a conversation. */
  search: string;
  /** Whether a filter narrows the list (changes the empty state's words). */
  filtered: boolean;
  onClearFilters: () => void;
}) {
  const { conversations, loading, error, hasMore, loadingMore, loadMore, refresh } = list;
  const container = useRef<HTMLDivElement>(null);

  if (loading) return <ListSkeleton />;
  if (error && conversations.length === 0) {
    return (
      <Box p="sm">
        <ErrorState title="Couldn't load conversations" message={errorMessage(error)} onRetry={refresh} />
      </Box>
    );
  }
  if (conversations.length === 0) {
    return (
      <Stack align="center" gap={6} p="xl" ta="center" data-testid="inbox-empty">
        {filtered ? <IconSearch size={28} color="var(--mantine-color-gray-5)" /> : <IconInbox size={28} color="var(--mantine-color-gray-5)" />}
        <Text fw={600} size="sm">
          {filtered ? 'No conversations match' : 'No conversations yet'}
        </Text>
        <Text size="xs" c="dimmed" maw={240}>
          {filtered
            ? 'Try another search, a longer period, or all conversations rather than unread ones.'
            : 'When you text a candidate, or one texts your number, the conversation shows here.'}
        </Text>
        {filtered && (
          <Button variant="subtle" size="xs" onClick={onClearFilters}>
            Clear filters
          </Button>
        )}
      </Stack>
    );
  }
  return (
    <Box ref={container} onKeyDown={moveFocus} role="navigation" aria-label="Conversations" data-testid="conversation-list">
      {conversations.map((conversation) => (
        <ConversationItem key={conversation.id} conversation={conversation} selected={conversation.id === selectedId} search={search} />
      ))}
      {hasMore && (
        <Group justify="center" p="sm">
          <Button variant="subtle" size="xs" onClick={loadMore} loading={loadingMore}>
            Load more
          </Button>
        </Group>
      )}
    </Box>
  );
}
