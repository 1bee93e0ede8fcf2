import { Box, Group, Paper, Text } from '@mantine/core';
import { SandboxBadge } from '../candidate/MessageStatus';
import { DeliveryTicks } from './DeliveryTicks';
import type { InboxMessage } from './fragments';
import { formatFull, formatTime } from './format';

/** One SMS: the candidate's on the left, ours on the right with its delivery ticks. */
export function MessageBubble({ message, candidateName }: { message: InboxMessage; candidateName: string }) {
  const outbound = message.direction === 'OUTBOUND';
  const failed = message.status === 'FAILED';
  const who = outbound ? (message.workflowName ? `${message.sender?.name ?? 'Workflow'} · via ${message.workflowName}` : (message.sender?.name ?? message.from)) : candidateName;
  return (
    <Box
      style={{ display: 'flex', justifyContent: outbound ? 'flex-end' : 'flex-start' }}
      data-testid="thread-message"
      data-message-id={message.id}
      data-direction={message.direction}
    >
      <Box maw="78%" style={{ display: 'flex', flexDirection: 'column', alignItems: outbound ? 'flex-end' : 'flex-start', gap: 4, minWidth: 0 }}>
        <Paper
          px="md"
          py={8}
          radius="lg"
          bg={outbound ? (failed ? 'red.0' : 'indigo.6') : 'gray.1'}
          c={outbound && !failed ? 'white' : undefined}
          style={{
            borderBottomRightRadius: outbound ? 4 : undefined,
            borderBottomLeftRadius: outbound ? undefined : 4,
            border: failed ? '1px solid var(--mantine-color-red-3)' : undefined,
          }}
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="message-body">
            {message.body}
          </Text>
        </Paper>
        <Group gap={6} wrap="nowrap" justify={outbound ? 'flex-end' : 'flex-start'} px={4}>
          {message.sandbox && <SandboxBadge />}
          <Text size="xs" c="dimmed" title={formatFull(message.createdAt)} truncate="end">
            {formatTime(message.createdAt)} · {who}
            {message.segments > 1 ? ` · ${message.segments} SMS` : ''}
          </Text>
          {outbound && <DeliveryTicks status={message.status} statusReason={message.statusReason} />}
        </Group>
        {failed && message.statusReason && (
          <Text size="xs" c="red.7" px={4} data-testid="failure-reason">
            {message.statusReason}
          </Text>
        )}
      </Box>
    </Box>
  );
}
