import { Fragment, useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Avatar, Badge, Box, Button, Divider, Group, Loader, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconHistory } from '@tabler/icons-react';
import { ErrorState } from '../components/ErrorState';
import { errorMessage } from '../lib/errors';
import type { InboxMessage } from './fragments';
import { dayKey, formatDayDivider } from './format';
import { MessageBubble } from './MessageBubble';
import { ReplyBox } from './ReplyBox';
import type { useConversationThread } from './useConversationThread';

/** Within this many pixels of the bottom, a new message scrolls into view by itself. */
const STICK_TO_BOTTOM_PX = 96;
/** Within this many pixels of the top, older messages load. */
const LOAD_OLDER_PX = 48;

function ThreadSkeleton() {
  return (
    <Stack gap="md" p="md" aria-busy="true" aria-label="Loading conversation">
      {[220, 160, 260, 120].map((width, index) => (
        <Group key={width} justify={index % 2 ? 'flex-end' : 'flex-start'}>
          <Skeleton h={40} w={width} radius="lg" />
        </Group>
      ))}
    </Stack>
  );
}

/** Why a candidate cannot be texted, if they cannot. */
function blockedReason(candidate: { fullName: string; mobile?: string | null; mobileProblem?: string | null; smsOptOut?: { keyword: string } | null }) {
  if (candidate.smsOptOut) {
    return `${candidate.fullName} opted out of SMS (texted ${candidate.smsOptOut.keyword}): they cannot be texted until they reply START.`;
  }
  if (!candidate.mobile) return `${candidate.fullName} has no valid mobile number${candidate.mobileProblem ? ` (${candidate.mobileProblem})` : ''}.`;
  return null;
}

/**
 * The middle pane: the thread (oldest at the top, like a phone), older messages on scrolling up
 * or "Load older", and the reply box. New messages scroll into view when the reader is at the
 * bottom; otherwise a "New messages" button says they are there.
 */
export function ConversationThread({
  thread,
  onSent,
  onInteract,
  actions,
}: {
  thread: ReturnType<typeof useConversationThread>;
  onSent: (message: InboxMessage) => void;
  /** The reader did something in the thread (clicked, typed, focused): they have seen it. */
  onInteract: () => void;
  /** Shown at the right of the thread's header (e.g. when the candidate pane is hidden). */
  actions?: ReactNode;
}) {
  const { conversation, messages, loading, error, hasOlder, loadingOlder, loadOlder, refresh } = thread;
  const viewport = useRef<HTMLDivElement>(null);
  const [unseenBelow, setUnseenBelow] = useState(false);
  // What the list looked like at the last render, to tell "older loaded above" from "new arrived below".
  const previous = useRef<{ conversationId: string | null; first: string | null; last: string | null; scrollHeight: number; scrollTop: number }>({
    conversationId: null,
    first: null,
    last: null,
    scrollHeight: 0,
    scrollTop: 0,
  });

  const scrollToBottom = useCallback(() => {
    const element = viewport.current;
    if (element) element.scrollTop = element.scrollHeight;
    setUnseenBelow(false);
  }, []);

  useLayoutEffect(() => {
    const element = viewport.current;
    const before = previous.current;
    const first = messages[0]?.id ?? null;
    const last = messages[messages.length - 1]?.id ?? null;
    const conversationId = conversation?.id ?? null;
    if (element) {
      if (conversationId !== before.conversationId || before.last === null) {
        element.scrollTop = element.scrollHeight;
      } else if (first !== before.first && last === before.last) {
        // Older messages were added above: keep the reader's place.
        element.scrollTop = before.scrollTop + (element.scrollHeight - before.scrollHeight);
      } else if (last !== before.last) {
        const atBottom = before.scrollHeight - before.scrollTop - element.clientHeight <= STICK_TO_BOTTOM_PX;
        const ours = messages[messages.length - 1]?.direction === 'OUTBOUND';
        if (atBottom || ours) element.scrollTop = element.scrollHeight;
        else setUnseenBelow(true);
      }
      previous.current = { conversationId, first, last, scrollHeight: element.scrollHeight, scrollTop: element.scrollTop };
    } else {
      previous.current = { ...before, conversationId, first, last };
    }
  }, [messages, conversation?.id]);

  const onScroll = () => {
    const element = viewport.current;
    if (!element) return;
    previous.current = { ...previous.current, scrollHeight: element.scrollHeight, scrollTop: element.scrollTop };
    if (element.scrollTop <= LOAD_OLDER_PX && hasOlder && !loadingOlder) loadOlder();
    if (element.scrollHeight - element.scrollTop - element.clientHeight <= STICK_TO_BOTTOM_PX) setUnseenBelow(false);
  };

  if (error && !conversation) {
    return (
      <Box p="md">
        <ErrorState title="Couldn't load this conversation" message={errorMessage(error)} onRetry={refresh} />
      </Box>
    );
  }

  const candidate = conversation?.candidate;
  let lastDay = '';

  return (
    <Stack
      gap={0}
      h="100%"
      mih={0}
      onPointerDownCapture={onInteract}
      onKeyDownCapture={onInteract}
      onFocusCapture={onInteract}
      data-testid="conversation-thread"
    >
      <Group px="md" py="sm" gap="sm" wrap="nowrap" mih={61} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        {candidate ? (
          <>
            <Avatar name={candidate.fullName} color="initials" radius="xl" size={36} />
            <Stack gap={0} miw={0} style={{ flex: 1 }}>
              <Text fw={600} truncate="end" data-testid="thread-title">
                {candidate.fullName}
              </Text>
              <Text size="xs" c="dimmed" truncate="end">
                {candidate.mobile ?? 'No mobile'} · to {conversation?.ourNumber}
              </Text>
            </Stack>
            {actions}
            {candidate.smsOptOut && (
              <Badge color="red" variant="light" size="sm" radius="sm" style={{ textTransform: 'none' }}>
                Opted out
              </Badge>
            )}
          </>
        ) : (
          <Group gap="sm" aria-hidden>
            <Skeleton h={36} w={36} circle />
            <Stack gap={4}>
              <Skeleton h={14} w={140} />
              <Skeleton h={10} w={180} />
            </Stack>
          </Group>
        )}
      </Group>

      <Box pos="relative" style={{ flex: 1, minHeight: 0 }}>
        <Box
          ref={viewport}
          h="100%"
          px="md"
          py="sm"
          onScroll={onScroll}
          style={{ overflowY: 'auto', overscrollBehavior: 'contain' }}
          role="log"
          aria-label={candidate ? `Messages with ${candidate.fullName}` : 'Messages'}
          aria-busy={loading}
          data-testid="thread-messages"
        >
          {loading && messages.length === 0 ? (
            <ThreadSkeleton />
          ) : (
            <Stack gap="sm">
              <Group justify="center" mih={30}>
                {hasOlder ? (
                  <Button variant="subtle" size="compact-xs" leftSection={<IconHistory size={14} />} onClick={loadOlder} loading={loadingOlder}>
                    Load older messages
                  </Button>
                ) : messages.length > 0 ? (
                  <Text size="xs" c="dimmed">
                    Start of the conversation
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed" py="xl">
                    No messages yet.
                  </Text>
                )}
              </Group>
              {messages.map((message) => {
                const day = dayKey(message.createdAt);
                const newDay = day !== lastDay;
                lastDay = day;
                return (
                  <Fragment key={message.id}>
                    {newDay && <Divider label={formatDayDivider(message.createdAt)} labelPosition="center" />}
                    <MessageBubble message={message} candidateName={candidate?.fullName ?? 'Candidate'} />
                  </Fragment>
                );
              })}
            </Stack>
          )}
        </Box>
        {unseenBelow && (
          <Button
            size="compact-sm"
            radius="xl"
            leftSection={<IconArrowDown size={14} />}
            onClick={scrollToBottom}
            pos="absolute"
            bottom={12}
            left="50%"
            style={{ transform: 'translateX(-50%)', boxShadow: 'var(--mantine-shadow-md)' }}
          >
            New messages
          </Button>
        )}
        {loadingOlder && (
          <Loader size="xs" pos="absolute" top={8} right={12} aria-label="Loading older messages" />
        )}
      </Box>

      <Box px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        {candidate ? (
          <ReplyBox key={candidate.id} candidateId={candidate.id} candidateName={candidate.fullName} blockedReason={blockedReason(candidate)} onSent={onSent} />
        ) : (
          <Skeleton h={96} radius="sm" />
        )}
      </Box>
    </Stack>
  );
}
