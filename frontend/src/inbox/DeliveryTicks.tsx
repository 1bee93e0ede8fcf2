import { Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconChecks, IconClock, IconExclamationCircle } from '@tabler/icons-react';
import type { MessageStatus } from '../gql/graphql';

/** What a status means to a recruiter, for screen readers and tooltips. */
export function deliveryLabel(status: MessageStatus, statusReason?: string | null): string {
  switch (status) {
    case 'QUEUED':
      return 'Queued: not sent yet';
    case 'SENT':
      return 'Sent: handed to the network';
    case 'DELIVERED':
      return "Delivered to the candidate's phone";
    case 'FAILED':
      return `Not delivered${statusReason ? `: ${statusReason}` : ''}`;
    case 'RECEIVED':
      return 'Received';
  }
}

/**
 * Delivery status of an outbound SMS, like a phone's: a clock while queued, one tick when sent,
 * two when delivered, a red "!" when delivery failed (the reason in the tooltip).
 */
export function DeliveryTicks({ status, statusReason }: { status: MessageStatus; statusReason?: string | null }) {
  const label = deliveryLabel(status, statusReason);
  const failed = status === 'FAILED';
  const icon =
    status === 'DELIVERED' ? (
      <IconChecks size={16} stroke={2} />
    ) : status === 'SENT' ? (
      <IconCheck size={16} stroke={2} />
    ) : failed ? (
      <IconExclamationCircle size={16} stroke={2} />
    ) : (
      <IconClock size={14} stroke={2} />
    );
  return (
    <Tooltip label={label} withArrow multiline maw={280} color={failed ? 'red' : undefined}>
      <Group
        gap={2}
        wrap="nowrap"
        c={failed ? 'red.7' : status === 'DELIVERED' ? 'teal.7' : 'dimmed'}
        data-testid="delivery-ticks"
        data-status={status}
        aria-label={label}
        role="img"
        tabIndex={failed ? 0 : -1}
        style={{ lineHeight: 0 }}
      >
        {icon}
        {failed && (
          <Text span size="xs" fw={600} inherit>
            Failed
          </Text>
        )}
      </Group>
    </Tooltip>
  );
}
