import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconMessageReply } from '@tabler/icons-react';
import { getFragmentData } from '../gql';
import { errorMessage } from '../lib/errors';
import { InboxMessageFields, type InboxMessage } from './fragments';
import { useSimulateCandidateReply } from './useSimulateCandidateReply';

/**
 * Sandbox mode: "Simulate candidate reply" opens a box to type what the candidate texts back.
 * The reply goes through the same inbound path as a real SMS (conversation, notification, live
 * events, STOP/START keywords).
 */
export function SimulateReplyButton({
  candidateId,
  candidateName,
  toNumber,
  onSimulated,
  label = 'Simulate candidate reply',
  ...buttonProps
}: {
  candidateId: string;
  candidateName: string;
  /** Our number the candidate replies to (default: the one that last texted them). */
  toNumber?: string | null;
  onSimulated?: (message: InboxMessage) => void;
  /** The button's words (shorter where space is tight). */
  label?: string;
} & Omit<ButtonProps, 'children' | 'onClick'>) {
  const [opened, { open, close }] = useDisclosure(false);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, simulate] = useSimulateCandidateReply();

  const dismiss = () => {
    close();
    setError(null);
  };

  const submit = async () => {
    if (body.trim() === '' || fetching) return;
    setError(null);
    const result = await simulate({ candidateId, body: body.trim(), toNumber: toNumber ?? null });
    if (result.error || !result.data) {
      setError(errorMessage(result.error) || 'The reply could not be simulated.');
      return;
    }
    setBody('');
    close();
    onSimulated?.(getFragmentData(InboxMessageFields, result.data.simulateCandidateReply));
  };

  return (
    <>
      <Button
        variant="light"
        color="orange"
        size="xs"
        leftSection={<IconMessageReply size={14} />}
        onClick={open}
        aria-label="Simulate candidate reply"
        {...buttonProps}
      >
        {label}
      </Button>
      <Modal opened={opened} onClose={dismiss} title={`Simulate a reply from ${candidateName}`} size="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Sandbox mode: write what {candidateName} texts back{toNumber ? ` to ${toNumber}` : ''}. It arrives exactly like a real
              SMS reply, with its notification. Try STOP or START to see opt-out handling.
            </Text>
            {error && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} role="alert" py={8}>
                {error}
              </Alert>
            )}
            <Textarea
              label="Candidate's reply"
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault();
                  void submit();
                }
              }}
              autosize
              minRows={3}
              maxRows={8}
              data-autofocus
              data-testid="simulate-reply-input"
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={dismiss}>
                Cancel
              </Button>
              <Button type="submit" color="orange" loading={fetching} disabled={body.trim() === ''}>
                Send as {candidateName}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
