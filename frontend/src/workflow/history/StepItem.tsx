import { Badge, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconClockHour4, IconRefresh, IconSend } from '@tabler/icons-react';
import { DeliveryStatus, SandboxBadge } from '../../candidate/MessageStatus';
import { getFragmentData, type FragmentType } from '../../gql';
import type { StepState, WorkflowStepKind } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { announceCreditChange } from '../../shell/creditRefresh';
import { StepExecutionFieldsFragment } from './StepExecutionFields';
import { explainStep, stepKindLabel, stepStateColour, stepStateLabel, stepStateVariant } from './stepStates';
import { useResolveUnconfirmedStep } from './useResolveUnconfirmedStep';
import { useRetryStep } from './useRetryStep';

interface StepStateBadgeProps {
  state: StepState;
  kind?: WorkflowStepKind;
  testId?: string;
}

export function StepStateBadge({ state, kind, testId = 'step-state' }: StepStateBadgeProps) {
  return (
    <Badge color={stepStateColour(state)} variant={stepStateVariant(state)} radius="sm" style={{ textTransform: 'none' }} data-testid={testId}>
      {stepStateLabel(state, kind)}
    </Badge>
  );
}

interface StepItemProps {
  step: FragmentType<typeof StepExecutionFieldsFragment>;
  candidateName: string;
  /** Called after a retry or resolve went through, so the page can look again shortly. */
  onChanged?: () => void;
}

/** One step of a run: what it is, its state and why, the SMS it sent, and what a recruiter can do about it. */
export function StepItem({ step: stepRef, candidateName, onChanged }: StepItemProps) {
  const step = getFragmentData(StepExecutionFieldsFragment, stepRef);
  const [, retryStep] = useRetryStep();
  const [, resolveUnconfirmedStep] = useResolveUnconfirmedStep();

  const afterAction = (ok: boolean, title: string, message: string) => {
    notifications.show({ color: ok ? 'teal' : 'red', title, message });
    if (ok) {
      announceCreditChange();
      onChanged?.();
    }
  };

  const confirmRetry = () =>
    modals.openConfirmModal({
      title: <Text fw={600}>Retry the SMS to {candidateName}?</Text>,
      centered: true,
      children: (
        <Text size="sm">
          This sends the SMS again and debits credits again. The message is filled in afresh from the template, as it
          is now.
        </Text>
      ),
      labels: { confirm: 'Retry SMS', cancel: 'Cancel' },
      confirmProps: { leftSection: <IconRefresh size={16} /> },
      onConfirm: async () => {
        const result = await retryStep({ id: step.id });
        if (result.error) afterAction(false, 'The step was not retried', errorMessage(result.error));
        else afterAction(true, 'Retrying the SMS', `The SMS to ${candidateName} is on its way again.`);
      },
    });

  const confirmMarkSent = () =>
    modals.openConfirmModal({
      title: <Text fw={600}>Mark the SMS to {candidateName} as sent?</Text>,
      centered: true,
      children: (
        <Text size="sm">
          Do this only if you know {candidateName} got the message (for example, they replied to it). Nothing is sent,
          and the workflow carries on with its next step.
        </Text>
      ),
      labels: { confirm: 'Mark as sent', cancel: 'Cancel' },
      confirmProps: { leftSection: <IconCheck size={16} /> },
      onConfirm: async () => {
        const result = await resolveUnconfirmedStep({ id: step.id, sent: true });
        if (result.error) afterAction(false, 'The step was not changed', errorMessage(result.error));
        else afterAction(true, 'Marked as sent', `The workflow carries on for ${candidateName}.`);
      },
    });

  const confirmSendAgain = () =>
    modals.openConfirmModal({
      title: <Text fw={600}>Send the SMS to {candidateName} again?</Text>,
      centered: true,
      children: (
        <Text size="sm">
          This sends the SMS again. If the first one did go out, {candidateName} gets it twice. It was already paid
          for, so no more credits are debited.
        </Text>
      ),
      labels: { confirm: 'Send again', cancel: 'Cancel' },
      confirmProps: { color: 'orange', leftSection: <IconSend size={16} /> },
      onConfirm: async () => {
        const result = await resolveUnconfirmedStep({ id: step.id, sent: false });
        if (result.error) afterAction(false, 'The SMS was not sent again', errorMessage(result.error));
        else afterAction(true, 'Sending again', `The SMS to ${candidateName} is on its way again.`);
      },
    });

  const failedish = step.state === 'FAILED' || step.state === 'DEAD' || step.state === 'UNCONFIRMED';
  const showAttempts = step.kind === 'CHAT_MESSAGE' && (step.attempts > 1 || failedish);
  const message = step.message;

  return (
    <Stack gap={6} data-testid={`step-${step.id}`}>
      <Group gap="xs" wrap="wrap">
        <Text fw={600} size="sm">
          {step.position}. {stepKindLabel(step.kind)}
        </Text>
        <StepStateBadge state={step.state} kind={step.kind} />
        {showAttempts && (
          <Text size="xs" c="dimmed" data-testid="step-attempts">
            {step.attempts} {step.attempts === 1 ? 'attempt' : 'attempts'}
          </Text>
        )}
      </Group>

      <Group gap={6} wrap="nowrap" align="flex-start">
        {step.kind === 'WAIT' && step.state === 'PENDING' && <IconClockHour4 size={16} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0, marginTop: 2 }} />}
        <Text size="sm" c={step.state === 'UNCONFIRMED' ? 'orange.9' : failedish ? 'red.8' : step.state === 'SKIPPED' || step.state === 'HELD' ? 'dark.4' : 'dimmed'} data-testid="step-reason">
          {step.state === 'SENT' && step.kind === 'CHAT_MESSAGE' && message ? `Sent to ${message.to}` : explainStep(step)}
        </Text>
      </Group>

      {(step.state === 'FAILED' || step.state === 'DEAD') && step.lastError && !(step.reason ?? '').includes(step.lastError) && (
        <Text size="xs" c="red.8" data-testid="step-last-error">
          Last error: <Text span ff="monospace" inherit>{step.lastError}</Text>
        </Text>
      )}

      {message && (
        <Paper
          radius="md"
          px="sm"
          py={8}
          maw={560}
          bg="indigo.0"
          style={{ border: '1px solid var(--mantine-color-indigo-1)' }}
          data-testid="step-message"
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="step-message-body">
            {message.body}
          </Text>
          <Group gap="xs" mt={6} wrap="wrap">
            <DeliveryStatus status={message.status} statusReason={message.statusReason} />
            {message.sandbox && <SandboxBadge />}
            <Text size="xs" c="dimmed">
              {formatDateTime(message.createdAt)}
              {message.sender ? ` · from ${message.sender.name}` : ''}
              {message.segments > 1 ? ` · ${message.segments} segments` : ''}
            </Text>
          </Group>
        </Paper>
      )}

      {(step.retryable || step.state === 'UNCONFIRMED') && (
        <Box>
          <Group gap="xs">
            {step.retryable && (
              <Button size="xs" variant="light" leftSection={<IconRefresh size={14} />} onClick={confirmRetry}>
                Retry
              </Button>
            )}
            {step.state === 'UNCONFIRMED' && (
              <>
                <Button size="xs" variant="light" leftSection={<IconCheck size={14} />} onClick={confirmMarkSent}>
                  Mark as sent
                </Button>
                <Button size="xs" variant="light" color="orange" leftSection={<IconSend size={14} />} onClick={confirmSendAgain}>
                  Send again
                </Button>
              </>
            )}
          </Group>
        </Box>
      )}
    </Stack>
  );
}
