import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconChecks, IconClock, IconFlask, IconInbox } from '@tabler/icons-react';
import type { MessageStatus } from '../gql/graphql';

export const SANDBOX_MESSAGE_TOOLTIP = 'Sandbox: recorded in RecruitFlow, never sent to the candidate (no MessageBird key is configured).';

/** Marks a message that was recorded in sandbox mode and never left the building. */
export function SandboxBadge() {
  return (
    <Tooltip label={SANDBOX_MESSAGE_TOOLTIP} withArrow multiline w={260}>
      <Badge
        size="xs"
        radius="sm"
        variant="light"
        color="orange"
        leftSection={<IconFlask size={11} />}
        style={{ textTransform: 'none', flexShrink: 0 }}
        data-testid="sandbox-marker"
        aria-label={SANDBOX_MESSAGE_TOOLTIP}
        tabIndex={0}
      >
        Sandbox
      </Badge>
    </Tooltip>
  );
}

const STATUS_WORDS: Record<MessageStatus, string> = {
  QUEUED: 'Queued',
  SENT: 'Sent',
  DELIVERED: 'Delivered',
  FAILED: 'Failed',
  RECEIVED: 'Received',
};

/** "Sent", "Delivered", "Failed"… in a recruiter's words. */
export function messageStatusLabel(status: MessageStatus): string {
  return STATUS_WORDS[status];
}

/**
 * Delivery status as ticks with words: a clock while queued, one tick when sent, two when
 * delivered, a red badge with the provider's reason when delivery failed.
 */
export function DeliveryStatus({ status, statusReason }: { status: MessageStatus; statusReason?: string | null }) {
  if (status === 'FAILED') {
    return (
      <Group gap={6} wrap="wrap" data-testid="delivery-status" data-status={status}>
        <Badge size="xs" radius="sm" color="red" variant="filled" leftSection={<IconAlertCircle size={11} />} style={{ textTransform: 'none' }}>
          Failed
        </Badge>
        {statusReason && (
          <Text size="xs" c="red.8" data-testid="delivery-reason">
            {statusReason}
          </Text>
        )}
      </Group>
    );
  }
  const icon =
    status === 'DELIVERED' ? <IconChecks size={14} /> : status === 'SENT' ? <IconCheck size={14} /> : status === 'RECEIVED' ? <IconInbox size={13} /> : <IconClock size={13} />;
  const colour = status === 'DELIVERED' ? 'teal.7' : 'dimmed';
  return (
    <Group gap={3} wrap="nowrap" c={colour} data-testid="delivery-status" data-status={status}>
      {icon}
      <Text size="xs" c={colour} fw={status === 'DELIVERED' ? 600 : 500} lh={1}>
        {STATUS_WORDS[status]}
      </Text>
    </Group>
  );
}
