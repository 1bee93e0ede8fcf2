import { useMemo, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconClick, IconRefresh, IconStatusChange } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { BackLink } from '../components/BackLink';
import { ErrorState } from '../components/ErrorState';
import { PageHeader } from '../components/PageHeader';
import { graphql } from '../gql';
import type { TriggerType } from '../gql/graphql';
import { errorMessage, isConflict } from '../lib/errors';
import { CriteriaBuilder } from './CriteriaBuilder';
import type { CriteriaFieldOption } from './criteria';
import { DURATION_UNITS, type DurationUnit } from './duration';
import { useCreateWorkflow } from './useCreateWorkflow';
import { useUpdateWorkflow } from './useUpdateWorkflow';
import {
  campaignsWithCta,
  draftFromWorkflow,
  emptyDraft,
  hasErrors,
  MAX_NAME_LENGTH,
  toInput,
  validateDraft,
  type CampaignOption,
  type WorkflowDraft,
} from './workflowForm';

export const WorkflowFormOptionsQuery = graphql(`
  query WorkflowFormOptions {
    webCampaigns {
      id
      name
      ctas {
        id
        label
      }
    }
    account {
      id
      atsStatuses
    }
    criteriaFields {
      field
      label
      operators
      values
    }
  }
`);

export const WorkflowForEditQuery = graphql(`
  query WorkflowForEdit($id: ID!) {
    workflow(id: $id) {
      id
      name
      version
      trigger {
        type
        cta {
          id
          label
        }
        webCampaign {
          id
          name
        }
        toStatus
        fromStatus
      }
      criteria {
        field
        operator
        values
      }
      reentryMinimumMinutes
    }
  }
`);

interface Options {
  campaigns: ReadonlyArray<CampaignOption>;
  atsStatuses: ReadonlyArray<string>;
  fields: ReadonlyArray<CriteriaFieldOption>;
}

function LoadingSkeleton() {
  return (
    <Stack gap="md" aria-busy="true" aria-label="Loading workflow form">
      <Skeleton h={90} radius="md" />
      <Skeleton h={200} radius="md" />
      <Skeleton h={120} radius="md" />
    </Stack>
  );
}

/** New workflow (/workflows/new) and edit (/workflows/:id/edit). */
export function WorkflowFormPage() {
  const { id } = useParams();
  const editing = id !== undefined;
  const [options, reexecuteOptions] = useQuery({ query: WorkflowFormOptionsQuery });
  const [existing, reexecuteExisting] = useQuery({ query: WorkflowForEditQuery, variables: { id: id ?? '' }, pause: !editing });

  const title = editing ? 'Edit workflow' : 'New workflow';
  const header = (
    <>
      <BackLink to={editing ? `/workflows/${id}` : '/workflows'}>{editing ? 'Back to the workflow' : 'Workflows'}</BackLink>
      <PageHeader
        title={editing && existing.data?.workflow ? `Edit “${existing.data.workflow.name}”` : title}
        description="What starts the workflow and which candidates it runs for. You add the steps on the workflow's page."
      />
    </>
  );

  const error = options.error ?? (editing ? existing.error : undefined);
  const loaded = options.data && (!editing || existing.data);
  if (!loaded) {
    return (
      <>
        {header}
        {error ? (
          <ErrorState
            message={errorMessage(error)}
            onRetry={() => {
              reexecuteOptions({ requestPolicy: 'network-only' });
              if (editing) reexecuteExisting({ requestPolicy: 'network-only' });
            }}
          />
        ) : (
          <LoadingSkeleton />
        )}
      </>
    );
  }

  const opts: Options = {
    campaigns: options.data!.webCampaigns,
    atsStatuses: options.data!.account.atsStatuses,
    fields: options.data!.criteriaFields,
  };
  const workflow = existing.data?.workflow;
  if (editing && !workflow) {
    return (
      <>
        {header}
        <ErrorState title="Workflow not found" message="It may have been deleted, or it belongs to another account." />
      </>
    );
  }

  return (
    <>
      {header}
      <WorkflowForm
        // A reload (after a conflict) brings a new version: start again from what is stored now.
        key={workflow ? `${workflow.id}@${workflow.version}` : 'new'}
        initial={workflow ? draftFromWorkflow(workflow, opts.campaigns, opts.fields) : emptyDraft()}
        workflowId={workflow?.id}
        version={workflow?.version}
        options={opts}
        onReload={() => reexecuteExisting({ requestPolicy: 'network-only' })}
      />
    </>
  );
}

function Section({ title, description, children }: { title?: string; description?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        {title && (
          <Stack gap={2}>
            <Title order={3} fz="md">
              {title}
            </Title>
            {description && (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            )}
          </Stack>
        )}
        {children}
      </Stack>
    </Paper>
  );
}

const CTA_VALUE_SEPARATOR = '::';

interface ServerError {
  message: string;
  conflict: boolean;
}

export function WorkflowForm({
  initial,
  workflowId,
  version,
  options,
  onReload,
}: {
  initial: WorkflowDraft;
  workflowId?: string;
  version?: number;
  options: Options;
  onReload: () => void;
}) {
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<WorkflowDraft>(initial);
  const [showErrors, setShowErrors] = useState(false);
  const [serverError, setServerError] = useState<ServerError | null>(null);
  const [{ fetching: creating }, createWorkflow] = useCreateWorkflow();
  const [{ fetching: updating }, updateWorkflow] = useUpdateWorkflow();
  const errors = useMemo(() => validateDraft(draft, options), [draft, options]);
  const shown = showErrors ? errors : { criterion: {} };

  const set = (change: Partial<WorkflowDraft>) => setDraft((d) => ({ ...d, ...change }));

  const ctaData = options.campaigns
    .filter((c) => c.ctas.length > 0)
    .map((c) => ({ group: c.name, items: c.ctas.map((cta) => ({ value: `${c.id}${CTA_VALUE_SEPARATOR}${cta.id}`, label: cta.label })) }));
  const ctaValue = draft.ctaId && draft.ctaCampaignId ? `${draft.ctaCampaignId}${CTA_VALUE_SEPARATOR}${draft.ctaId}` : null;
  const ctaCampaigns = draft.ctaId ? campaignsWithCta(options.campaigns, draft.ctaId) : [];
  const statusData = options.atsStatuses.map((s) => ({ value: s, label: s }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setServerError(null);
    setShowErrors(true);
    if (hasErrors(errors)) {
      // Take the recruiter to the first thing to fix.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const result = workflowId
      ? await updateWorkflow({ id: workflowId, input: toInput(draft, version) })
      : await createWorkflow({ input: toInput(draft) });
    if (result.error || !result.data) {
      setServerError({ message: result.error ? errorMessage(result.error) : 'The workflow was not saved. Please try again.', conflict: isConflict(result.error) });
      return;
    }
    const saved = 'createWorkflow' in result.data ? result.data.createWorkflow : result.data.updateWorkflow;
    notifications.show({
      color: 'teal',
      title: workflowId ? 'Workflow saved' : 'Workflow created',
      message: workflowId ? `“${saved.name}” is up to date.` : `“${saved.name}” is active. Add its first step.`,
    });
    navigate(`/workflows/${saved.id}`);
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={workflowId ? 'Edit workflow' : 'New workflow'}>
      <Stack gap="md">
        <Section>
          <TextInput
            label="Name"
            description="Recruiters see it in the workflow list."
            placeholder="Register interest follow-up"
            required
            data-autofocus
            autoFocus={!workflowId}
            value={draft.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={shown.name}
            maxLength={MAX_NAME_LENGTH + 20}
          />
        </Section>

        <Section title="Trigger">
          <Radio.Group
            label="What should trigger this workflow?"
            value={draft.triggerType}
            onChange={(value) => set({ triggerType: value as TriggerType })}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
              <TriggerCard
                value="CTA_COMPLETED"
                icon={<IconClick size={18} />}
                title="CTA completed"
                description="A candidate completes a call-to-action on a web campaign."
              />
              <TriggerCard
                value="ATS_STATUS_CHANGED"
                icon={<IconStatusChange size={18} />}
                title="ATS status changed"
                description="A candidate's status changes in your ATS."
              />
            </SimpleGrid>
          </Radio.Group>
          {draft.triggerType === 'CTA_COMPLETED' ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label="CTA"
                description="The call-to-action the candidate completes."
                placeholder={ctaData.length ? 'Choose a CTA' : 'Your web campaigns have no CTAs yet'}
                required
                searchable
                nothingFoundMessage="No CTA with that name"
                data={ctaData}
                value={ctaValue}
                onChange={(value) => {
                  const [campaignId = null, ctaId = null] = value ? value.split(CTA_VALUE_SEPARATOR) : [];
                  const keep = ctaId && draft.webCampaignId && campaignsWithCta(options.campaigns, ctaId).some((c) => c.id === draft.webCampaignId);
                  set({ ctaId, ctaCampaignId: campaignId, webCampaignId: keep ? draft.webCampaignId : null });
                }}
                error={shown.cta}
                allowDeselect={false}
              />
              <Select
                label="Only in web campaign"
                description="Optional: run only when the CTA is completed in this campaign."
                placeholder={draft.ctaId ? 'Any web campaign' : 'Choose a CTA first'}
                clearable
                disabled={!draft.ctaId}
                data={ctaCampaigns.map((c) => ({ value: c.id, label: c.name }))}
                value={draft.webCampaignId}
                onChange={(value) => set({ webCampaignId: value })}
                error={shown.webCampaign}
              />
            </SimpleGrid>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label="To status"
                description="The status the candidate moves to."
                placeholder="Choose a status"
                required
                data={statusData}
                value={draft.toStatus}
                onChange={(value) => set({ toStatus: value })}
                error={shown.toStatus}
                allowDeselect={false}
              />
              <Select
                label="From status"
                description="Optional: only when the candidate comes from this status."
                placeholder="Any status"
                clearable
                data={statusData}
                value={draft.fromStatus}
                onChange={(value) => set({ fromStatus: value })}
                error={shown.fromStatus}
              />
            </SimpleGrid>
          )}
        </Section>

        <Section title="Criteria" description="Which candidates the workflow runs for, from their ATS status, email domain or other fields.">
          <CriteriaBuilder criteria={draft.criteria} fields={options.fields} errors={shown.criterion} onChange={(criteria) => set({ criteria })} />
          {shown.criteria && (
            <Text size="sm" c="red">
              {shown.criteria}
            </Text>
          )}
        </Section>

        <Section
          title="Minimum delay between runs for one candidate"
          description="Stops a candidate who triggers the workflow again from getting the same messages too soon. 0 means no minimum."
        >
          <Group align="flex-start" gap="sm">
            <NumberInput
              label="Minimum delay"
              min={0}
              allowDecimal={false}
              allowNegative={false}
              value={draft.reentry.amount}
              onChange={(value) => set({ reentry: { ...draft.reentry, amount: typeof value === 'number' ? value : value === '' ? '' : Number(value) } })}
              error={shown.reentry}
              w={160}
            />
            <Select
              label="Unit"
              data={DURATION_UNITS.map((u) => ({ value: u.value, label: u.label }))}
              value={draft.reentry.unit}
              onChange={(value) => value && set({ reentry: { ...draft.reentry, unit: value as DurationUnit } })}
              allowDeselect={false}
              w={140}
            />
          </Group>
        </Section>

        {showErrors && hasErrors(errors) && (
          <Text size="sm" c="red" role="status">
            Fix the highlighted fields to save the workflow.
          </Text>
        )}
        {serverError &&
          (serverError.conflict ? (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Someone else changed this workflow" role="alert">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{serverError.message}</Text>
                <Text size="sm">Reload to see their changes; your unsaved edits here will be replaced.</Text>
                <Button size="xs" variant="white" color="yellow" leftSection={<IconRefresh size={14} />} onClick={onReload}>
                  Reload
                </Button>
              </Stack>
            </Alert>
          ) : (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="The workflow was not saved" role="alert">
              {serverError.message}
            </Alert>
          ))}

        <Group justify="flex-end" gap="sm">
          <Button variant="default" component={Link} to={workflowId ? `/workflows/${workflowId}` : '/workflows'}>
            Cancel
          </Button>
          <Button type="submit" loading={creating || updating}>
            {workflowId ? 'Save changes' : 'Create workflow'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TriggerCard({ value, icon, title, description }: { value: TriggerType; icon: ReactNode; title: string; description: string }) {
  return (
    <Radio.Card value={value} radius="md" p="md" aria-label={title}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Radio.Indicator mt={2} />
        <Stack gap={2}>
          <Group gap={6}>
            {icon}
            <Text fw={600} size="sm">
              {title}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        </Stack>
      </Group>
    </Radio.Card>
  );
}
