import { ActionIcon, Badge, Card, Group, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconClock, IconMessage, IconPencil, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../gql';
import { firstLine } from '../template/smsFormat';
import { formatDuration } from './duration';

export const WorkflowStepCardFieldsFragment = graphql(`
  fragment WorkflowStepCardFields on WorkflowStep {
    id
    kind
    position
    senderNumber
    fromName
    waitMinutes
    valid
    problem
    sender {
      id
      name
    }
    chatTemplate {
      id
      name
      body
    }
  }
`);

export const STEP_KIND_LABEL = { CHAT_MESSAGE: 'Chat Message', WAIT: 'Wait' } as const;

interface Props {
  step: FragmentType<typeof WorkflowStepCardFieldsFragment>;
  number: number;
  total: number;
  workflowId: string;
  busy: boolean;
  onMove: (position: number) => void;
  onRemove: () => void;
}

/** One numbered step on the workflow page, with Edit, Move up/down and Remove. */
export function StepCard({ step: stepRef, number, total, workflowId, busy, onMove, onRemove }: Props) {
  const step = getFragmentData(WorkflowStepCardFieldsFragment, stepRef);
  const label = STEP_KIND_LABEL[step.kind];
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      data-testid={`step-${number}`}
      style={step.valid ? undefined : { borderColor: 'var(--mantine-color-red-4)' }}
    >
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon size={32} radius="xl" variant={step.valid ? 'light' : 'filled'} color={step.valid ? 'indigo' : 'red'} aria-hidden>
          <Text fw={700} size="sm">
            {number}
          </Text>
        </ThemeIcon>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6}>
            {step.kind === 'CHAT_MESSAGE' ? <IconMessage size={16} /> : <IconClock size={16} />}
            <Text fw={600} size="sm">
              {label}
            </Text>
            {!step.valid && (
              <Badge color="red" variant="light" size="sm">
                Cannot run
              </Badge>
            )}
          </Group>
          {step.kind === 'CHAT_MESSAGE' ? (
            <>
              <Text size="sm">
                Sent as <b>{step.sender?.name ?? 'a removed user'}</b>
                {step.senderNumber && (
                  <Text span c="dimmed" size="sm">
                    {' '}
                    · candidate sees {step.senderNumber} · From: {step.fromName}
                  </Text>
                )}
              </Text>
              {step.chatTemplate && (
                <Text size="sm" c="dimmed" lineClamp={1}>
                  <Text span fw={500} c="dark.6" size="sm">
                    {step.chatTemplate.name}:
                  </Text>{' '}
                  {firstLine(step.chatTemplate.body)}
                </Text>
              )}
            </>
          ) : (
            <Text size="sm">Wait {formatDuration(step.waitMinutes ?? 0)} before the next step</Text>
          )}
          {step.problem && (
            <Group gap={6} wrap="nowrap" c="red.7">
              <IconAlertTriangle size={14} style={{ flexShrink: 0 }} />
              <Text size="sm" c="red.7" data-testid="step-problem">
                {step.problem}
              </Text>
            </Group>
          )}
        </Stack>
        <Group gap={2} wrap="nowrap">
          <Tooltip label="Move up" withArrow>
            <ActionIcon variant="subtle" color="gray" bg={busy || number === 1 ? 'transparent' : undefined} disabled={busy || number === 1} onClick={() => onMove(number - 2)} aria-label={`Move step ${number} up`}>
              <IconArrowUp size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Move down" withArrow>
            <ActionIcon variant="subtle" color="gray" bg={busy || number === total ? 'transparent' : undefined} disabled={busy || number === total} onClick={() => onMove(number)} aria-label={`Move step ${number} down`}>
              <IconArrowDown size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Edit" withArrow>
            <ActionIcon variant="subtle" color="gray" component={Link} to={`/workflows/${workflowId}/steps/${step.id}`} aria-label={`Edit step ${number}`}>
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Remove" withArrow>
            <ActionIcon variant="subtle" color="red" disabled={busy} onClick={onRemove} aria-label={`Remove step ${number}`}>
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Card>
  );
}
