import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ActionIcon, Badge, Box, CloseButton, Group, Paper, SegmentedControl, Stack, Switch, Tabs, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconMessages, IconSearch, IconUser, IconUserQuestion } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useDebouncedCallback, useOnReconnect } from '../lib/live/hooks';
import { announceNotificationsChanged } from '../notifications/notificationSync';
import { CandidateSummary } from './CandidateSummary';
import { ConversationList } from './ConversationList';
import { ConversationThread } from './ConversationThread';
import { belongsInList, DATE_RANGES, inboxVariables, type DateRange, type InboxFilters, type InboxTab } from './filters';
import type { InboxConversation, InboxMessage } from './fragments';
import { useInboxLiveEvents } from './liveInbox';
import { useConversationThread } from './useConversationThread';
import { useInboxList } from './useInboxList';
import { useMarkConversationRead } from './useMarkConversationRead';
import { SimulateReplyButton } from './SimulateReplyButton';

export const InboxViewerQuery = graphql(`
  query InboxViewer {
    me {
      id
      role
    }
    account {
      id
      sandbox
    }
  }
`);

export const InboxUnreadCountsQuery = graphql(`
  query InboxUnreadCounts {
    mine: inbox(mine: true, unreadOnly: true, first: 100) {
      edges {
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
      }
    }
    shared: inbox(mine: false, unreadOnly: true, first: 100) {
      edges {
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

/** How long the search box waits for typing to pause. */
export const SEARCH_DEBOUNCE_MS = 300;
/** Bursts of live events refetch once, this long after the last one. */
const LIVE_REFETCH_MS = 400;
/** After a reply arrives, re-read the open conversation's candidate (STOP/START change consent). */
const CONSENT_REFETCH_MS = 1_200;

function readFilters(params: URLSearchParams): InboxFilters {
  const range = params.get('range');
  return {
    tab: params.get('tab') === 'shared' ? 'shared' : 'mine',
    range: range === 'month' || range === 'year' ? range : 'all',
    search: (params.get('q') ?? '').trim(),
    unreadOnly: params.get('unread') === '1',
  };
}

function countLabel(connection: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } | undefined): string | null {
  if (!connection || connection.edges.length === 0) return null;
  return connection.pageInfo.hasNextPage ? `${connection.edges.length}+` : String(connection.edges.length);
}

function Placeholder({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <Stack align="center" justify="center" gap="xs" h="100%" p="xl" ta="center">
      <ThemeIcon size={52} radius="xl" variant="light">
        {icon}
      </ThemeIcon>
      <Title order={3} fz="md">
        {title}
      </Title>
      <Text size="sm" c="dimmed" maw={340}>
        {children}
      </Text>
    </Stack>
  );
}

/**
 * The Shared Inbox: conversations on the left ("Mine" and "Shared", filters, search), the open
 * thread in the middle with the reply box, the candidate on the right. Everything follows live
 * events, and after a lost connection refetches what it may have missed.
 */
export function InboxPage() {
  useDocumentTitle('Inbox · RecruitFlow');
  const { conversationId = null } = useParams();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  // Read at once rather than after the first paint: no flash of the wrong layout.
  const wide = useMediaQuery('(min-width: 62em)', undefined, { getInitialValueInEffect: false });
  const showSummary = useMediaQuery('(min-width: 75em)', undefined, { getInitialValueInEffect: false });

  const [{ data: viewerData }] = useQuery({ query: InboxViewerQuery });
  const viewer = viewerData?.me ?? null;
  const sandbox = viewerData?.account.sandbox ?? false;
  const [{ data: counts }, refetchCounts] = useQuery({ query: InboxUnreadCountsQuery });
  const refreshCounts = useDebouncedCallback(() => refetchCounts({ requestPolicy: 'network-only' }), LIVE_REFETCH_MS);

  // The date range is turned into `since` once per choice, so the variables stay put.
  const variables = useMemo(
    () => inboxVariables(filters),
    [filters.tab, filters.range, filters.search, filters.unreadOnly],
  );
  const list = useInboxList(variables);
  const thread = useConversationThread(conversationId);
  const refreshList = useDebouncedCallback(list.refresh, LIVE_REFETCH_MS);
  const refreshThread = useDebouncedCallback(thread.refresh, CONSENT_REFETCH_MS);

  const setFilter = useCallback(
    (changes: Partial<Record<'tab' | 'range' | 'q' | 'unread', string | null>>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(changes)) {
            if (value === null || value === '') next.delete(name);
            else next.set(name, value);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  // Search: the box answers at once, the list once typing pauses.
  const [searchText, setSearchText] = useState(filters.search);
  const [debouncedSearch] = useDebouncedValue(searchText.trim(), SEARCH_DEBOUNCE_MS);
  useEffect(() => {
    if (debouncedSearch !== filters.search) setFilter({ q: debouncedSearch });
  }, [debouncedSearch]);

  // Reading: opening a conversation marks it read; replies arriving while it is open stay unread
  // (and notified) until the recruiter does something in the thread.
  const [, markRead] = useMarkConversationRead();
  const marking = useRef<string | null>(null);
  const { conversation } = thread;
  const markOpenConversationRead = useCallback(async () => {
    if (!conversation || conversation.unread === 0) return;
    const key = `${conversation.id}@${conversation.lastMessageAt}`;
    if (marking.current === key) return;
    marking.current = key;
    const result = await markRead({ id: conversation.id });
    if (!result.data) {
      marking.current = null;
      return;
    }
    const { unread, lastMessageAt } = result.data.markConversationRead;
    const read = { ...conversation, unread, lastMessageAt };
    thread.updateConversation(read);
    list.markedRead(read.id, read.lastMessageAt);
    announceNotificationsChanged();
  }, [conversation, markRead, thread, list]);

  const openedId = useRef<string | null>(null);
  useEffect(() => {
    openedId.current = null;
  }, [conversationId]);
  useEffect(() => {
    if (!conversation || conversation.id !== conversationId || openedId.current === conversation.id) return;
    openedId.current = conversation.id;
    void markOpenConversationRead();
  }, [conversation, conversationId, markOpenConversationRead]);

  useInboxLiveEvents({
    onInbound: (message: InboxMessage, changed: InboxConversation) => {
      list.upsert(changed, belongsInList(changed, message, variables, viewer));
      if (changed.id === conversationId) {
        thread.addMessage(message);
        thread.updateConversation(changed);
        refreshThread();
      }
      refreshCounts();
    },
    onOutbound: (message: InboxMessage) => {
      if (message.conversationId === conversationId) thread.addMessage(message);
      if (list.has(message.conversationId)) list.applyMessage(message);
      // A new conversation (texted from a profile, another tab, a workflow): where it belongs is
      // for the server to say.
      else if (message.status === 'SENT' || message.status === 'QUEUED') refreshList();
    },
  });

  useOnReconnect(() => {
    list.refresh();
    thread.refresh();
    refetchCounts({ requestPolicy: 'network-only' });
  });

  const onSent = useCallback(
    (message: InboxMessage) => {
      thread.addMessage(message);
      if (list.has(message.conversationId)) list.applyMessage(message);
      else refreshList();
    },
    [thread, list, refreshList],
  );

  const query = params.toString() ? `?${params.toString()}` : '';
  const filtered = filters.search !== '' || filters.unreadOnly || filters.range !== 'all';
  const mineCount = countLabel(counts?.mine);
  const sharedCount = countLabel(counts?.shared);
  const showList = wide || !conversationId;
  const showThread = wide || !!conversationId;

  const tabLabel = (label: string, count: string | null, testId: string) => (
    <Group gap={6} wrap="nowrap">
      {label}
      <Badge size="sm" variant={count ? 'filled' : 'transparent'} circle={!!count && count.length < 2} data-testid={testId} aria-label={count ? `${count} unread` : undefined}>
        {count ?? ''}
      </Badge>
    </Group>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={2} fz={24}>
          Inbox
        </Title>
        <Text size="sm" c="dimmed" visibleFrom="sm">
          Candidates&apos; SMS replies, as they arrive.
        </Text>
      </Group>
      <Paper
        withBorder
        radius="md"
        data-testid="inbox"
        style={{
          display: 'grid',
          gridTemplateColumns: wide ? (showSummary ? '320px minmax(0, 1fr) 260px' : '300px minmax(0, 1fr)') : 'minmax(0, 1fr)',
          height: 'max(480px, calc(100dvh - 180px))',
          overflow: 'hidden',
        }}
      >
        {showList && (
          <Stack gap={0} mih={0} style={{ borderRight: wide ? '1px solid var(--mantine-color-gray-3)' : undefined }}>
            <Tabs value={filters.tab} onChange={(tab) => setFilter({ tab: (tab as InboxTab) === 'shared' ? 'shared' : null })}>
              <Tabs.List grow>
                <Tabs.Tab value="mine">{tabLabel('Mine', mineCount, 'mine-unread')}</Tabs.Tab>
                <Tabs.Tab value="shared">{tabLabel('Shared', sharedCount, 'shared-unread')}</Tabs.Tab>
              </Tabs.List>
            </Tabs>
            <Stack gap={8} p="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
              <TextInput
                size="xs"
                placeholder="Search name or message"
                aria-label="Search conversations"
                leftSection={<IconSearch size={14} />}
                value={searchText}
                onChange={(event) => setSearchText(event.currentTarget.value)}
                rightSection={searchText ? <CloseButton size="xs" aria-label="Clear search" onClick={() => setSearchText('')} /> : null}
              />
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <SegmentedControl
                  size="xs"
                  value={filters.range}
                  onChange={(range) => setFilter({ range: (range as DateRange) === 'all' ? null : range })}
                  data={DATE_RANGES.map(({ value, label }) => ({ value, label }))}
                  aria-label="Period"
                />
                <Switch
                  size="xs"
                  label="Unread"
                  checked={filters.unreadOnly}
                  onChange={(event) => setFilter({ unread: event.currentTarget.checked ? '1' : null })}
                  aria-label="Unread only"
                />
              </Group>
            </Stack>
            <Box style={{ flex: 1, overflowY: 'auto', minHeight: 0 }}>
              <ConversationList
                list={list}
                selectedId={conversationId}
                search={query}
                filtered={filtered}
                onClearFilters={() => {
                  setSearchText('');
                  setFilter({ q: null, range: null, unread: null });
                }}
              />
            </Box>
          </Stack>
        )}

        {showThread && (
          <Box mih={0} style={{ borderRight: wide && showSummary ? '1px solid var(--mantine-color-gray-3)' : undefined, display: 'flex', flexDirection: 'column' }}>
            {!wide && (
              <Group px="sm" py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
                <Text component={Link} to={`/inbox${query}`} size="sm" c="indigo.7" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
                  <IconArrowLeft size={14} /> All conversations
                </Text>
              </Group>
            )}
            <Box style={{ flex: 1, minHeight: 0 }}>
              {!conversationId ? (
                <Placeholder icon={<IconMessages size={26} />} title="Pick a conversation">
                  Choose a conversation on the left to read it and reply. New replies appear as they arrive.
                </Placeholder>
              ) : thread.notFound ? (
                <Placeholder icon={<IconUserQuestion size={26} />} title="Conversation not found">
                  The link may be wrong, or the conversation belongs to another account.
                </Placeholder>
              ) : (
                <ConversationThread
                  thread={thread}
                  onSent={onSent}
                  onInteract={() => void markOpenConversationRead()}
                  actions={
                    conversation && !showSummary ? (
                      <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                        {sandbox && conversation.candidate.mobile && (
                          <SimulateReplyButton
                            candidateId={conversation.candidate.id}
                            candidateName={conversation.candidate.fullName}
                            toNumber={conversation.ourNumber}
                            onSimulated={thread.addMessage}
                            label="Simulate reply"
                            size="compact-xs"
                          />
                        )}
                        <ActionIcon
                          component={Link}
                          to={`/candidates/${conversation.candidate.id}`}
                          variant="default"
                          aria-label="Open full profile"
                          title="Open full profile"
                        >
                          <IconUser size={14} />
                        </ActionIcon>
                      </Group>
                    ) : null
                  }
                />
              )}
            </Box>
          </Box>
        )}

        {wide && showSummary && (
          <Box mih={0} style={{ overflowY: 'auto' }}>
            {conversation && conversation.id === conversationId ? (
              <CandidateSummary conversation={conversation} sandbox={sandbox} onSimulated={thread.addMessage} />
            ) : (
              <Text size="sm" c="dimmed" p="md" ta="center" mt="xl">
                {conversationId ? '' : 'The candidate you are talking to shows here.'}
              </Text>
            )}
          </Box>
        )}
      </Paper>
    </Stack>
  );
}
