import { useState, type KeyboardEvent } from 'react';
import { Alert, Button, Group, Loader, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconSend } from '@tabler/icons-react';
import { useClient, type Client } from 'urql';
import { errorMessage } from '../lib/errors';
import { getFragmentData } from '../gql';
import { InboxMessageFields, type InboxMessage } from './fragments';
import { useSendChatMessage } from './useSendChatMessage';
import { useSmsMeasure, type ReplyMeasure } from './useSmsMeasure';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const SEND_SHORTCUT = isMac ? '⌘+Enter' : 'Ctrl+Enter';

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

/**
 * Unsent drafts by candidate, so switching conversations neither loses nor misdirects one. Kept
 * per client, i.e. per signed-in session: the next user of the browser does not see them.
 */
const draftsBySession = new WeakMap<Client, Map<string, string>>();

function draftsOf(client: Client): Map<string, string> {
  let drafts = draftsBySession.get(client);
  if (!drafts) {
    drafts = new Map();
    draftsBySession.set(client, drafts);
  }
  return drafts;
}

/** "42 characters · GSM-7 · 1 segment · 1 credit" */
export function describeMeasure(measure: ReplyMeasure): string {
  return [
    plural(measure.characters, 'character'),
    measure.encoding === 'UCS_2' ? 'UCS-2' : 'GSM-7',
    plural(measure.segments, 'segment'),
    plural(measure.credits, 'credit'),
  ].join(' · ');
}

/** Why the message costs more: which characters forced UCS-2. */
export function ucs2Warning(characters: readonly string[]): string {
  const which =
    characters.length === 0
      ? 'A character is'
      : `${characters.map((c) => `“${c}”`).join(' ')} ${characters.length === 1 ? 'is' : 'are'}`;
  return `${which} not in the GSM alphabet, so the whole message is sent as UCS-2: 70 characters per SMS instead of 160.`;
}

/**
 * The reply box: a live SMS counter (measured by the server as it will be charged), Ctrl/Cmd+Enter
 * to send, and the server's reason when a send is refused (opted out, not enough credits…).
 */
export function ReplyBox({
  candidateId,
  candidateName,
  blockedReason,
  onSent,
}: {
  candidateId: string;
  candidateName: string;
  /** Why this candidate cannot be texted (opted out, no mobile); the box is disabled with it. */
  blockedReason?: string | null;
  onSent: (message: InboxMessage) => void;
}) {
  const drafts = draftsOf(useClient());
  const [body, setBodyState] = useState(() => drafts.get(candidateId) ?? '');
  const setBody = (text: string) => {
    setBodyState(text);
    if (text === '') drafts.delete(candidateId);
    else drafts.set(candidateId, text);
  };
  const [error, setError] = useState<string | null>(null);
  const [{ fetching: sending }, send] = useSendChatMessage();
  const { measure, pending } = useSmsMeasure(body, candidateId);
  const tooLong = measure.characters > measure.maxCharacters;
  const canSend = !blockedReason && body.trim() !== '' && !tooLong && !sending;

  const submit = async () => {
    if (!canSend) return;
    setError(null);
    const result = await send({ candidateId, body: body.trim() });
    if (result.error || !result.data) {
      setError(errorMessage(result.error) || 'The message could not be sent.');
      return;
    }
    setBody('');
    onSent(getFragmentData(InboxMessageFields, result.data.sendChatMessage));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      aria-label={`Reply to ${candidateName}`}
    >
      {error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} mb="xs" py={8} withCloseButton onClose={() => setError(null)} role="alert" data-testid="reply-error">
          {error}
        </Alert>
      )}
      <Textarea
        value={body}
        onChange={(event) => setBody(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        placeholder={blockedReason ? 'Replies are off for this candidate' : `Text ${candidateName}… (${SEND_SHORTCUT} sends)`}
        aria-label="Reply"
        autosize
        minRows={2}
        maxRows={6}
        disabled={!!blockedReason}
        error={tooLong ? `Too long for one message: at most ${measure.maxCharacters.toLocaleString()} characters.` : undefined}
        data-testid="reply-input"
      />
      <Group justify="space-between" align="center" mt={6} wrap="nowrap" gap="sm" mih={30}>
        <Group gap={6} wrap="nowrap" miw={0} style={{ flex: 1 }}>
          <Text size="xs" c={tooLong ? 'red.7' : 'dimmed'} data-testid="reply-counter" aria-live="polite" truncate="end" style={{ opacity: pending ? 0.6 : 1 }}>
            {describeMeasure(measure)}
          </Text>
          {pending && <Loader size={10} aria-label="Measuring" style={{ flexShrink: 0 }} />}
        </Group>
        <Button
          type="submit"
          size="xs"
          leftSection={<IconSend size={14} />}
          loading={sending}
          disabled={!canSend}
          title={`Send (${SEND_SHORTCUT})`}
          style={{ flexShrink: 0 }}
        >
          Send
        </Button>
      </Group>
      {measure.encoding === 'UCS_2' && measure.characters > 0 && (
        <Text size="xs" c="orange.8" mt={4} data-testid="ucs2-warning">
          {ucs2Warning(measure.unicodeCharacters)}
        </Text>
      )}
      {blockedReason && (
        <Text size="xs" c="red.7" mt={4} data-testid="reply-blocked">
          {blockedReason}
        </Text>
      )}
    </form>
  );
}
