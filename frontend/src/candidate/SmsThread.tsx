import { Fragment } from 'react';
import { Box, Divider, Group, Paper, Stack, Text } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { EmptyState } from '../components/EmptyState';
import { getFragmentData, graphql, type FragmentType } from '../gql';
import { DeliveryStatus, SandboxBadge } from './MessageStatus';
import { formatDate } from './formatDate';

export const SmsThreadMessageFragment = graphql(`
  fragment SmsThreadMessage on Message {
    id
    direction
    from
    to
    body
    segments
    status
    statusReason
    sandbox
    createdAt
    statusAt
    sender {
      id
      name
    }
    workflowName
  }
`);

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeFormat.format(date);
}

/** Every SMS with one candidate, oldest at the top like a phone: theirs on the left, ours on the right. */
export function SmsThread(props: { messages: ReadonlyArray<FragmentType<typeof SmsThreadMessageFragment>>; candidateName: string }) {
  const messages = [...getFragmentData(SmsThreadMessageFragment, props.messages)].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

  if (messages.length === 0) {
    return (
      <EmptyState icon={<IconMessages size={28} />} title="No SMS yet">
        Messages to and from {props.candidateName} will show here, with their delivery status.
      </EmptyState>
    );
  }

  let lastDay = '';
  return (
    <Stack gap="sm" data-testid="sms-thread" role="log" aria-label={`SMS with ${props.candidateName}`}>
      {messages.map((message) => {
        const day = formatDate(message.createdAt);
        const newDay = day !== lastDay;
        lastDay = day;
        const outbound = message.direction === 'OUTBOUND';
        const who = outbound ? (message.sender?.name ?? message.from) : props.candidateName;
        return (
          <Fragment key={message.id}>
            {newDay && <Divider label={day} labelPosition="center" my={4} />}
            <Box
              style={{ display: 'flex', justifyContent: outbound ? 'flex-end' : 'flex-start' }}
              data-testid={`sms-${message.id}`}
              data-direction={message.direction}
            >
              <Stack gap={4} maw="min(78%, 560px)" align={outbound ? 'flex-end' : 'flex-start'}>
                <Paper
                  px="md"
                  py={10}
                  radius="lg"
                  bg={outbound ? (message.status === 'FAILED' ? 'red.0' : 'indigo.6') : 'gray.1'}
                  c={outbound && message.status !== 'FAILED' ? 'white' : undefined}
                  style={{
                    borderBottomRightRadius: outbound ? 4 : undefined,
                    borderBottomLeftRadius: outbound ? undefined : 4,
                    border: message.status === 'FAILED' ? '1px solid var(--mantine-color-red-3)' : undefined,
                  }}
                  data-testid="sms-bubble"
                >
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="sms-body">
                    {message.body}
                  </Text>
                </Paper>
                <Group gap={6} wrap="wrap" justify={outbound ? 'flex-end' : 'flex-start'}>
                  {message.sandbox && <SandboxBadge />}
                  <Text size="xs" c="dimmed" data-testid="sms-meta">
                    {formatTime(message.createdAt)} · {who}
                    {message.workflowName ? ` · via ${message.workflowName}` : ''}
                    {message.segments > 1 ? ` · ${message.segments} segments` : ''}
                  </Text>
                  {outbound && <DeliveryStatus status={message.status} statusReason={message.statusReason} />}
                </Group>
              </Stack>
            </Box>
          </Fragment>
        );
      })}
    </Stack>
  );
}
