import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Grid, Group, NumberInput, Paper, Select, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconRefresh } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { BackLink } from '../components/BackLink';
import { ErrorState } from '../components/ErrorState';
import { PageHeader } from '../components/PageHeader';
import { graphql } from '../gql';
import type { StepFormOptionsQuery as StepFormOptions, WorkflowStepInput, WorkflowStepKind } from '../gql/graphql';
import { errorClassification, errorMessage, isConflict } from '../lib/errors';
import { MessagePreviewCard } from '../template/MessagePreviewCard';
import { DURATION_UNITS, splitMinutes, toMinutes, type DurationDraft, type DurationUnit } from './duration';
import { senderLabel } from './senderLabel';
import { firstLine } from '../template/smsFormat';
import { STEP_KIND_LABEL } from './StepCard';
import { useAddWorkflowStep } from './useAddWorkflowStep';
import { useUpdateWorkflowStep } from './useUpdateWorkflowStep';

export const StepFormOptionsQuery = graphql(`
  query StepFormOptions($workflowId: ID!) {
    workflow(id: $workflowId) {
      id
      name
      version
      steps {
        id
        kind
        waitMinutes
        sender {
          id
        }
        chatTemplate {
          id
        }
      }
    }
    me {
      id
    }
    senders {
      id
      name
      smsNumber
      senderNumber
      fromName
    }
    chatTemplates {
      id
      name
      body
    }
  }
`);

export const StepPreviewQuery = graphql(`
  query StepPreview($templateId: ID!, $senderUserId: ID!) {
    previewChatMessage(templateId: $templateId, senderUserId: $senderUserId) {
      text
      encoding
      characters
      segments
      credits
      senderNumber
      fromName
      candidateName
    }
  }
`);

/** Same limit as the server: 1 minute to 30 days. */
export const MAX_WAIT_MINUTES = 43_200;

interface StepDraft {
  kind: WorkflowStepKind | null;
  senderUserId: string | null;
  chatTemplateId: string | null;
  wait: DurationDraft;
}

interface StepErrors {
  kind?: string;
  sender?: string;
  template?: string;
  wait?: string;
}

export function validateStep(draft: StepDraft): StepErrors {
  const errors: StepErrors = {};
  if (!draft.kind) errors.kind = 'Choose what the step does.';
  else if (draft.kind === 'CHAT_MESSAGE') {
    if (!draft.senderUserId) errors.sender = 'Choose who the message is sent as.';
    if (!draft.chatTemplateId) errors.template = 'Choose the chat template to send.';
  } else {
    const minutes = toMinutes(draft.wait);
    if (minutes === null || minutes < 1 || minutes > MAX_WAIT_MINUTES) errors.wait = 'Wait between 1 minute and 30 days.';
  }
  return errors;
}

function toStepInput(draft: StepDraft): WorkflowStepInput {
  return draft.kind === 'WAIT'
    ? { kind: 'WAIT', waitMinutes: toMinutes(draft.wait) }
    : { kind: 'CHAT_MESSAGE', senderUserId: draft.senderUserId, chatTemplateId: draft.chatTemplateId };
}

type Options = StepFormOptions;

/** Add a step (/workflows/:id/steps/new) or edit one (/workflows/:id/steps/:stepId). */
export function StepFormPage() {
  const { id = '', stepId } = useParams();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: StepFormOptionsQuery, variables: { workflowId: id } });
  const workflow = data?.workflow;
  const step = stepId ? workflow?.steps.find((s) => s.id === stepId) : undefined;

  const header = (
    <>
      <BackLink to={`/workflows/${id}`}>{workflow ? workflow.name : 'Back to the workflow'}</BackLink>
      <PageHeader
        title={stepId ? 'Edit workflow step' : 'New workflow step'}
        description="Steps run in order. A Chat Message sends an SMS from the chosen sender; a Wait pauses before the next step."
      />
    </>
  );

  if (!data) {
    return (
      <>
        {header}
        {fetching || !error ? (
          <Stack gap="md" aria-busy="true" aria-label="Loading step form">
            <Skeleton h={60} radius="md" />
            <Skeleton h={220} radius="md" />
          </Stack>
        ) : (
          <ErrorState
            title={errorClassification(error) === 'NOT_FOUND' ? 'Workflow not found' : undefined}
            message={errorMessage(error)}
            onRetry={() => reexecute({ requestPolicy: 'network-only' })}
          />
        )}
      </>
    );
  }
  if (!workflow || (stepId && !step)) {
    return (
      <>
        {header}
        <ErrorState
          title={workflow ? 'Step not found' : 'Workflow not found'}
          message={workflow ? 'It may have been removed by someone else.' : 'It may have been deleted, or the link is wrong.'}
        />
      </>
    );
  }

  const initial: StepDraft = step
    ? {
        kind: step.kind,
        senderUserId: step.sender?.id ?? null,
        chatTemplateId: step.chatTemplate?.id ?? null,
        wait: splitMinutes(step.waitMinutes ?? 0, 'days'),
      }
    : {
        kind: 'CHAT_MESSAGE',
        senderUserId: data.senders.some((s) => s.id === data.me.id) ? data.me.id : null,
        chatTemplateId: null,
        wait: { amount: 1, unit: 'days' },
      };

  return (
    <>
      {header}
      <StepForm
        key={`${workflow.id}@${workflow.version}`}
        workflowId={workflow.id}
        stepId={step?.id}
        version={workflow.version}
        initial={initial}
        options={data}
        onReload={() => reexecute({ requestPolicy: 'network-only' })}
      />
    </>
  );
}

function StepForm({
  workflowId,
  stepId,
  version,
  initial,
  options,
  onReload,
}: {
  workflowId: string;
  stepId?: string;
  version: number;
  initial: StepDraft;
  options: Options;
  onReload: () => void;
}) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<StepDraft>(initial);
  const [showErrors, setShowErrors] = useState(false);
  const [serverError, setServerError] = useState<{ message: string; conflict: boolean } | null>(null);
  const [{ fetching: adding }, addStep] = useAddWorkflowStep();
  const [{ fetching: updating }, updateStep] = useUpdateWorkflowStep();
  const errors = useMemo(() => validateStep(draft), [draft]);
  const shown: StepErrors = showErrors ? errors : {};
  const set = (change: Partial<StepDraft>) => setDraft((d) => ({ ...d, ...change }));

  const previewVariables =
    draft.kind === 'CHAT_MESSAGE' && draft.senderUserId && draft.chatTemplateId
      ? { templateId: draft.chatTemplateId, senderUserId: draft.senderUserId }
      : null;
  const [preview] = useQuery({
    query: StepPreviewQuery,
    variables: previewVariables ?? { templateId: '', senderUserId: '' },
    pause: previewVariables === null,
  });

  const senders = options.senders;
  const selectedSender = senders.find((s) => s.id === draft.senderUserId);
  const templates = options.chatTemplates;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setServerError(null);
    setShowErrors(true);
    if (Object.keys(errors).length > 0) return;
    const input = toStepInput(draft);
    const result = stepId
      ? await updateStep({ workflowId, stepId, input, expectedVersion: version })
      : await addStep({ workflowId, input });
    if (result.error) {
      setServerError({ message: errorMessage(result.error), conflict: isConflict(result.error) });
      return;
    }
    notifications.show({
      color: 'teal',
      title: stepId ? 'Step saved' : 'Step added',
      message: `${STEP_KIND_LABEL[draft.kind!]} ${stepId ? 'updated' : 'added to'} “${options.workflow?.name ?? 'the workflow'}”.`,
    });
    navigate(`/workflows/${workflowId}`);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={stepId ? 'Edit workflow step' : 'New workflow step'}>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: draft.kind === 'CHAT_MESSAGE' ? 7 : 12 }}>
          <Paper withBorder radius="md" p="lg">
            <Stack gap="md">
              <Select
                label="What kind of workflow step would you like?"
                data={[
                  { value: 'CHAT_MESSAGE', label: STEP_KIND_LABEL.CHAT_MESSAGE },
                  { value: 'WAIT', label: STEP_KIND_LABEL.WAIT },
                ]}
                value={draft.kind}
                onChange={(value) => set({ kind: value as WorkflowStepKind | null })}
                error={shown.kind}
                allowDeselect={false}
                required
              />
              {draft.kind === 'CHAT_MESSAGE' && (
                <>
                  <Select
                    label="Who is the sender?"
                    description="The candidate sees the number allocated to this user, or the company number if they have none, and their replies go to this user."
                    placeholder="Choose a sender"
                    data={senders.map((s) => ({ value: s.id, label: senderLabel(s) }))}
                    renderOption={({ option, checked }) => {
                      const sender = senders.find((s) => s.id === option.value);
                      if (!sender) return option.label;
                      return (
                        <Group gap="xs" wrap="nowrap" w="100%" justify="space-between">
                          <Stack gap={0}>
                            <Text size="sm" fw={500}>
                              {sender.name}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {sender.senderNumber}
                              {sender.smsNumber ? '' : ' (company number)'} · From: {sender.fromName}
                            </Text>
                          </Stack>
                          {checked && <IconCheck size={16} style={{ flexShrink: 0 }} />}
                        </Group>
                      );
                    }}
                    value={draft.senderUserId}
                    onChange={(value) => set({ senderUserId: value })}
                    error={shown.sender}
                    searchable
                    allowDeselect={false}
                    required
                    nothingFoundMessage="No active user with that name"
                  />
                  {selectedSender && (
                    <Text size="sm" c="dimmed" mt={-8} data-testid="sender-sees">
                      The candidate will see <b>{selectedSender.senderNumber}</b> and From: <b>{selectedSender.fromName}</b>
                      {selectedSender.smsNumber ? '.' : ` (${selectedSender.name} has no number of their own, so the company number is used).`}
                    </Text>
                  )}
                  <Select
                    label="What chat template should be used?"
                    placeholder={templates.length ? 'Choose a template' : 'No chat templates yet'}
                    data={templates.map((t) => ({ value: t.id, label: t.name }))}
                    renderOption={({ option, checked }) => {
                      const template = templates.find((t) => t.id === option.value);
                      return (
                        <Group gap="xs" wrap="nowrap" w="100%" justify="space-between">
                          <Stack gap={0} style={{ minWidth: 0 }}>
                            <Text size="sm" fw={500}>
                              {option.label}
                            </Text>
                            {template && (
                              <Text size="xs" c="dimmed" lineClamp={1}>
                                {firstLine(template.body)}
                              </Text>
                            )}
                          </Stack>
                          {checked && <IconCheck size={16} style={{ flexShrink: 0 }} />}
                        </Group>
                      );
                    }}
                    value={draft.chatTemplateId}
                    onChange={(value) => set({ chatTemplateId: value })}
                    error={shown.template}
                    searchable
                    allowDeselect={false}
                    required
                    nothingFoundMessage="No template with that name"
                  />
                  {templates.length === 0 && (
                    <Text size="sm" c="dimmed">
                      Write one first on the{' '}
                      <Anchor component={Link} to="/templates/new">
                        chat templates
                      </Anchor>{' '}
                      page.
                    </Text>
                  )}
                </>
              )}
              {draft.kind === 'WAIT' && (
                <Group align="flex-start" gap="sm">
                  <NumberInput
                    label="Wait for"
                    min={1}
                    allowDecimal={false}
                    allowNegative={false}
                    value={draft.wait.amount}
                    onChange={(value) => set({ wait: { ...draft.wait, amount: typeof value === 'number' ? value : value === '' ? '' : Number(value) } })}
                    error={shown.wait}
                    w={160}
                    required
                  />
                  <Select
                    label="Unit"
                    data={DURATION_UNITS.map((u) => ({ value: u.value, label: u.label }))}
                    value={draft.wait.unit}
                    onChange={(value) => value && set({ wait: { ...draft.wait, unit: value as DurationUnit } })}
                    allowDeselect={false}
                    w={140}
                  />
                </Group>
              )}
              {serverError &&
                (serverError.conflict ? (
                  <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Someone else changed this workflow" role="alert">
                    <Stack gap="xs" align="flex-start">
                      <Text size="sm">{serverError.message}</Text>
                      <Button size="xs" variant="white" color="yellow" leftSection={<IconRefresh size={14} />} onClick={onReload}>
                        Reload
                      </Button>
                    </Stack>
                  </Alert>
                ) : (
                  <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="The step was not saved" role="alert">
                    {serverError.message}
                  </Alert>
                ))}
              <Group justify="flex-end" gap="sm">
                <Button variant="default" component={Link} to={`/workflows/${workflowId}`}>
                  Cancel
                </Button>
                <Button type="submit" loading={adding || updating}>
                  Save
                </Button>
              </Group>
            </Stack>
          </Paper>
        </Grid.Col>
        {draft.kind === 'CHAT_MESSAGE' && (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <MessagePreviewCard
              preview={previewVariables ? preview.data?.previewChatMessage : null}
              loading={preview.fetching}
              error={previewVariables && preview.error ? errorMessage(preview.error) : null}
              emptyHint="Choose a sender and a template to see the message a candidate will get, its segments and its credits."
            />
          </Grid.Col>
        )}
      </Grid>
    </form>
  );
}
