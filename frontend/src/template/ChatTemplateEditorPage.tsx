import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Alert, Badge, Button, Grid, Group, Paper, Skeleton, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconRefresh, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { BackLink } from '../components/BackLink';
import { ErrorState } from '../components/ErrorState';
import { PageHeader } from '../components/PageHeader';
import { graphql } from '../gql';
import { errorClassification, errorMessage, isConflict } from '../lib/errors';
import { MergeFieldPicker } from './MergeFieldPicker';
import { MessagePreviewCard } from './MessagePreviewCard';
import { SmsCounter, Ucs2Warning } from './SmsCounter';
import { unknownMergeFields } from './smsFormat';
import { useConfirmDeleteTemplate } from './useConfirmDeleteTemplate';
import { useCreateChatTemplate } from './useCreateChatTemplate';
import { useUpdateChatTemplate } from './useUpdateChatTemplate';

export const ChatTemplateEditorQuery = graphql(`
  query ChatTemplateEditor($id: ID!) {
    chatTemplate(id: $id) {
      id
      name
      body
      version
      usedByWorkflows
    }
  }
`);

export const ChatMergeFieldsQuery = graphql(`
  query ChatMergeFields {
    chatMergeFields {
      token
      description
      example
    }
  }
`);

export const TemplateDraftPreviewQuery = graphql(`
  query TemplateDraftPreview($body: String!) {
    previewChatMessage(body: $body) {
      text
      encoding
      characters
      segments
      credits
      unicodeCharacters
      remainingInSegment
      senderNumber
      fromName
      unknownMergeFields
      candidateName
      bodyMeasure {
        encoding
        characters
        segments
        credits
        unicodeCharacters
        maxCharacters
        remainingInSegment
      }
    }
  }
`);

/** Same limits as the server (ChatTemplateService). */
export const MAX_TEMPLATE_NAME_LENGTH = 100;
export const MAX_BODY_CHARACTERS = 1377;
/** How long typing must pause before the counter and preview are asked again. */
export const PREVIEW_DEBOUNCE_MS = 250;

/** New template (/templates/new) and edit (/templates/:id). */
export function ChatTemplateEditorPage() {
  const { id } = useParams();
  const editing = id !== undefined;
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ChatTemplateEditorQuery, variables: { id: id ?? '' }, pause: !editing });
  const template = data?.chatTemplate;

  const header = (
    <>
      <BackLink to="/templates">Chat templates</BackLink>
      <PageHeader
        title={editing ? (template ? `Edit “${template.name}”` : 'Edit chat template') : 'New chat template'}
        description="Write the SMS once; merge fields fill in each candidate's details when it is sent."
      />
    </>
  );

  if (editing && !template) {
    let body;
    if (fetching || (!data && !error)) {
      body = (
        <Stack gap="md" aria-busy="true" aria-label="Loading chat template">
          <Skeleton h={60} radius="md" />
          <Skeleton h={200} radius="md" />
        </Stack>
      );
    } else if (errorClassification(error) === 'NOT_FOUND' || (data && !template)) {
      body = <ErrorState title="Chat template not found" message="It may have been deleted, or the link is wrong." />;
    } else {
      body = <ErrorState message={errorMessage(error)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
    }
    return (
      <>
        {header}
        {body}
      </>
    );
  }

  return (
    <>
      {header}
      <ChatTemplateEditor
        key={template ? `${template.id}@${template.version}` : 'new'}
        template={template ?? undefined}
        onReload={() => reexecute({ requestPolicy: 'network-only' })}
      />
    </>
  );
}

interface EditorProps {
  template?: { id: string; name: string; body: string; version: number; usedByWorkflows: ReadonlyArray<string> };
  onReload: () => void;
}

export function ChatTemplateEditor({ template, onReload }: EditorProps) {
  const navigate = useNavigate();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [name, setName] = useState(template?.name ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [showErrors, setShowErrors] = useState(false);
  const [serverError, setServerError] = useState<{ message: string; conflict: boolean } | null>(null);
  const [{ fetching: creating }, createTemplate] = useCreateChatTemplate();
  const [{ fetching: updating }, updateTemplate] = useUpdateChatTemplate();
  const confirmDelete = useConfirmDeleteTemplate();

  const [{ data: fieldsData }] = useQuery({ query: ChatMergeFieldsQuery });
  const mergeFields = fieldsData?.chatMergeFields ?? [];

  const [debouncedBody] = useDebouncedValue(body, PREVIEW_DEBOUNCE_MS);
  const [preview] = useQuery({
    query: TemplateDraftPreviewQuery,
    variables: { body: debouncedBody },
    pause: debouncedBody.trim() === '',
  });
  const previewData = debouncedBody.trim() === '' ? null : preview.data?.previewChatMessage;
  const stale = body !== debouncedBody || preview.fetching;
  const measure = previewData?.bodyMeasure;

  // Unknown merge fields: the server's answer for the body it measured, and our own reading of
  // what is typed now (so the error shows and clears without waiting for the debounce).
  const unknown = useMemo(() => {
    const local = mergeFields.length > 0 ? unknownMergeFields(body, mergeFields.map((f) => f.token)) : [];
    const fromServer = previewData && debouncedBody === body ? previewData.unknownMergeFields : [];
    return [...new Set([...fromServer, ...local])];
  }, [body, debouncedBody, mergeFields, previewData]);

  const nameError = (() => {
    const trimmed = name.trim();
    if (!trimmed) return 'Give the template a name, e.g. “Thanks for registering”.';
    if (trimmed.length > MAX_TEMPLATE_NAME_LENGTH) return `Use at most ${MAX_TEMPLATE_NAME_LENGTH} characters (now ${trimmed.length}).`;
    return null;
  })();
  const limit = measure?.maxCharacters ?? MAX_BODY_CHARACTERS;
  const bodyLength = measure && debouncedBody === body ? measure.characters : body.length;
  const bodyError = (() => {
    if (!body.trim()) return 'Write the message.';
    if (bodyLength > limit) return `The message is ${bodyLength.toLocaleString('en')} characters; the most one SMS can carry is ${limit.toLocaleString('en')}.`;
    return null;
  })();
  const overLimit = bodyLength > limit;
  const unknownError =
    unknown.length > 0
      ? `Unknown merge ${unknown.length === 1 ? 'field' : 'fields'}: ${unknown.join(', ')}. Use “Insert merge field” to pick a known one.`
      : null;

  const insertToken = (token: string) => {
    const textarea = bodyRef.current;
    const start = textarea?.selectionStart ?? body.length;
    const end = textarea?.selectionEnd ?? body.length;
    const next = body.slice(0, start) + token + body.slice(end);
    setBody(next);
    requestAnimationFrame(() => {
      const el = bodyRef.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setServerError(null);
    setShowErrors(true);
    if (nameError || bodyError || unknownError) return;
    const input = { name: name.trim(), body };
    const result = template
      ? await updateTemplate({ id: template.id, input: { ...input, expectedVersion: template.version } })
      : await createTemplate({ input });
    if (result.error || !result.data) {
      setServerError({ message: result.error ? errorMessage(result.error) : 'The template was not saved. Please try again.', conflict: isConflict(result.error) });
      return;
    }
    notifications.show({
      color: 'teal',
      title: template ? 'Template saved' : 'Template created',
      message: `“${input.name}” is ready to use in a Chat Message step.`,
    });
    navigate('/templates');
  };

  // Ctrl/⌘+Enter saves from the body, where Enter makes a new line.
  const onBodyKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={template ? 'Edit chat template' : 'New chat template'}>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder radius="md" p="lg">
            <Stack gap="md">
              <TextInput
                label="Name"
                description="Recruiters pick it by this name in a Chat Message step."
                placeholder="Thanks for registering"
                required
                autoFocus={!template}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={showErrors ? nameError : undefined}
              />
              <Stack gap={6}>
                <Group justify="space-between" align="flex-end">
                  <Text component="label" htmlFor="template-body" size="sm" fw={500}>
                    Message{' '}
                    <Text span c="red">
                      *
                    </Text>
                  </Text>
                  <MergeFieldPicker fields={mergeFields} onPick={insertToken} />
                </Group>
                <Textarea
                  id="template-body"
                  ref={bodyRef}
                  placeholder="Hi {{candidate.firstName}}, thanks for registering your interest! {{optOut}}"
                  autosize
                  minRows={6}
                  maxRows={16}
                  value={body}
                  onChange={(e) => setBody(e.currentTarget.value)}
                  onKeyDown={onBodyKeyDown}
                  error={unknownError ?? (showErrors || overLimit ? bodyError : null)}
                  // An error reddens the border, not the whole message.
                  styles={{ input: { lineHeight: 1.5, color: 'var(--mantine-color-text)' } }}
                />
                {unknown.length > 0 && (
                  <Group gap={6} data-testid="unknown-merge-fields">
                    {unknown.map((token) => (
                      <Badge key={token} color="red" variant="light" tt="none">
                        {token}
                      </Badge>
                    ))}
                  </Group>
                )}
                <SmsCounter measure={body.trim() ? measure : null} stale={stale} />
              </Stack>
              {measure && body.trim() && measure.encoding === 'UCS_2' && <Ucs2Warning characters={measure.unicodeCharacters} />}
              {template && template.usedByWorkflows.length > 0 && (
                <Text size="sm" c="dimmed">
                  Used by {template.usedByWorkflows.map((n) => `“${n}”`).join(', ')}: saving changes what {template.usedByWorkflows.length === 1 ? 'it sends' : 'they send'} from
                  now on.
                </Text>
              )}
              {serverError &&
                (serverError.conflict ? (
                  <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Someone else changed this template" role="alert">
                    <Stack gap="xs" align="flex-start">
                      <Text size="sm">{serverError.message}</Text>
                      <Text size="sm">Reload to see their version; your unsaved text here will be replaced.</Text>
                      <Button size="xs" variant="white" color="yellow" leftSection={<IconRefresh size={14} />} onClick={onReload}>
                        Reload
                      </Button>
                    </Stack>
                  </Alert>
                ) : (
                  <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="The template was not saved" role="alert">
                    {serverError.message}
                  </Alert>
                ))}
              <Group justify="space-between" gap="sm">
                <div>
                  {template && (
                    <Button
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={16} />}
                      onClick={() => confirmDelete(template, () => navigate('/templates'))}
                    >
                      Delete
                    </Button>
                  )}
                </div>
                <Group gap="sm">
                  <Button variant="default" component={Link} to="/templates">
                    Cancel
                  </Button>
                  <Button type="submit" loading={creating || updating}>
                    {template ? 'Save changes' : 'Create template'}
                  </Button>
                </Group>
              </Group>
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <MessagePreviewCard
            preview={previewData}
            loading={stale && body.trim() !== ''}
            error={preview.error && debouncedBody.trim() ? errorMessage(preview.error) : null}
            emptyHint="Start writing to see the message a sample candidate would get, and what it costs."
          />
          <Text size="xs" c="dimmed" mt="xs">
            Rendered for a sample candidate, sent by you. The real message uses each candidate's details and the step's sender.
          </Text>
        </Grid.Col>
      </Grid>
    </form>
  );
}
