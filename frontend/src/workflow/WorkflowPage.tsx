import { Fragment } from 'react';
import { Alert, Badge, Box, Button, Card, Group, List, Menu, ActionIcon, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCopy, IconDots, IconHistory, IconListDetails, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { BackLink } from '../components/BackLink';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { getFragmentData, graphql } from '../gql';
import type { WorkflowPageQuery as WorkflowPageResult } from '../gql/graphql';
import { errorClassification, errorMessage, isConflict } from '../lib/errors';
import { describeCriterion } from './criteria';
import { formatDuration } from './duration';
import { StatusDot } from './StatusDot';
import { StepCard, STEP_KIND_LABEL, WorkflowStepCardFieldsFragment } from './StepCard';
import { useMoveWorkflowStep } from './useMoveWorkflowStep';
import { useRemoveWorkflowStep } from './useRemoveWorkflowStep';
import { useWorkflowActions } from './useWorkflowActions';
import { useWorkflowStatusToggle } from './useWorkflowStatusToggle';
import { WorkflowStatusButton } from './WorkflowStatusButton';

export const WorkflowPageQuery = graphql(`
  query WorkflowPage($id: ID!) {
    workflow(id: $id) {
      id
      name
      status
      triggerSummary
      valid
      version
      reentryMinimumMinutes
      criteria {
        field
        operator
        values
      }
      steps {
        id
        ...WorkflowStepCardFields
      }
    }
    criteriaFields {
      field
      label
    }
  }
`);

function LoadingSkeleton() {
  return (
    <Stack gap="md" aria-busy="true" aria-label="Loading workflow">
      <Skeleton h={36} w={320} />
      <Skeleton h={110} radius="md" />
      <Skeleton h={90} radius="md" />
      <Skeleton h={90} radius="md" />
    </Stack>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** /workflows/:id: the trigger and criteria, and the steps in order. */
export function WorkflowPage() {
  const { id = '' } = useParams();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: WorkflowPageQuery, variables: { id } });
  const workflow = data?.workflow;

  if (!workflow) {
    let body;
    if (fetching && !data) body = <LoadingSkeleton />;
    else if (errorClassification(error) === 'NOT_FOUND' || (data && !workflow))
      body = (
        <EmptyState icon={<IconListDetails size={28} />} title="Workflow not found" action={<Button component={Link} to="/workflows" variant="default" mt="xs">Back to workflows</Button>}>
          It may have been deleted, or the link is wrong.
        </EmptyState>
      );
    else if (error) body = <ErrorState message={errorMessage(error)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
    return (
      <>
        <BackLink to="/workflows">Workflows</BackLink>
        <Box mt="sm">{body}</Box>
      </>
    );
  }
  return <WorkflowView workflow={workflow} criteriaFields={data!.criteriaFields} onReload={() => reexecute({ requestPolicy: 'network-only' })} />;
}

type LoadedWorkflow = NonNullable<WorkflowPageResult['workflow']>;

function WorkflowView({
  workflow,
  criteriaFields,
  onReload,
}: {
  workflow: LoadedWorkflow;
  criteriaFields: ReadonlyArray<{ field: string; label: string }>;
  onReload: () => void;
}) {
  useDocumentTitle(`${workflow.name} · RecruitFlow`);
  const navigate = useNavigate();
  const { status, toggle, pending } = useWorkflowStatusToggle(workflow);
  const { copy, confirmDelete } = useWorkflowActions();
  const [{ fetching: moving }, moveStep] = useMoveWorkflowStep();
  const [{ fetching: removing }, removeStep] = useRemoveWorkflowStep();
  const steps = getFragmentData(WorkflowStepCardFieldsFragment, workflow.steps);

  const reportStepError = (title: string, error: Parameters<typeof errorMessage>[0]) => {
    if (isConflict(error)) {
      notifications.show({ color: 'yellow', title: 'Someone else changed this workflow', message: 'Here it is as it is now; try again if you still need to.' });
      onReload();
      return;
    }
    notifications.show({ color: 'red', title, message: errorMessage(error) });
  };

  const move = async (stepId: string, position: number) => {
    const result = await moveStep({ workflowId: workflow.id, stepId, position, expectedVersion: workflow.version });
    if (result.error) reportStepError('The step was not moved', result.error);
  };

  const confirmRemove = (step: (typeof steps)[number], number: number) =>
    modals.openConfirmModal({
      title: <Text fw={600}>Remove step {number}?</Text>,
      centered: true,
      children: (
        <Text size="sm">
          {step.kind === 'CHAT_MESSAGE'
            ? `The ${STEP_KIND_LABEL[step.kind]}${step.chatTemplate ? ` “${step.chatTemplate.name}”` : ''} will no longer be sent by this workflow.`
            : `The ${formatDuration(step.waitMinutes ?? 0)} wait will be removed.`}{' '}
          What it already sent stays in the history.
        </Text>
      ),
      labels: { confirm: 'Remove step', cancel: 'Cancel' },
      confirmProps: { color: 'red', leftSection: <IconTrash size={16} /> },
      onConfirm: async () => {
        const result = await removeStep({ workflowId: workflow.id, stepId: step.id });
        if (result.error) reportStepError('The step was not removed', result.error);
        else notifications.show({ color: 'teal', title: 'Step removed', message: `Step ${number} was removed from “${workflow.name}”.` });
      },
    });

  return (
    <>
      <BackLink to="/workflows">Workflows</BackLink>
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <StatusDot status={status} size={12} />
          <Title order={2} fz={24} style={{ overflowWrap: 'anywhere' }}>
            {workflow.name}
          </Title>
          <Badge variant="light" color={status === 'ACTIVE' ? 'teal' : 'gray'} data-testid="workflow-status">
            {status === 'ACTIVE' ? 'Active' : 'Paused'}
          </Badge>
        </Group>
        <Group gap="xs">
          <WorkflowStatusButton variant="button" name={workflow.name} status={status} pending={pending} onToggle={toggle} />
          <Button variant="default" component={Link} to={`/workflows/${workflow.id}/edit`} leftSection={<IconPencil size={16} />}>
            Edit
          </Button>
          <Button variant="default" component={Link} to={`/workflows/${workflow.id}/history`} leftSection={<IconHistory size={16} />}>
            History
          </Button>
          <Menu position="bottom-end" shadow="md">
            <Menu.Target>
              <ActionIcon variant="default" size={36} aria-label={`More actions for ${workflow.name}`}>
                <IconDots size={18} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                leftSection={<IconCopy size={16} />}
                onClick={async () => {
                  const copied = await copy(workflow);
                  if (copied) navigate(`/workflows/${copied.id}`);
                }}
              >
                Copy
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => confirmDelete(workflow, () => navigate('/workflows'))}>
                Delete
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>

      <Stack gap="lg">
        {!workflow.valid && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="A step cannot run">
            Candidates reaching it are skipped until you fix it. Edit the step marked in red below.
          </Alert>
        )}
        <Card withBorder radius="md" padding="lg">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
            <Detail label="Trigger">
              <Text size="sm" data-testid="workflow-trigger">
                {workflow.triggerSummary}
              </Text>
            </Detail>
            <Detail label="Criteria">
              {workflow.criteria.length === 0 ? (
                <Text size="sm">Run always</Text>
              ) : (
                <List size="sm" spacing={2}>
                  {workflow.criteria.map((c, i) => (
                    <List.Item key={i}>{describeCriterion(c, criteriaFields)}</List.Item>
                  ))}
                </List>
              )}
            </Detail>
            <Detail label="Minimum delay between runs">
              <Text size="sm">
                {workflow.reentryMinimumMinutes === 0 ? 'No minimum' : `${formatDuration(workflow.reentryMinimumMinutes)} for one candidate`}
              </Text>
            </Detail>
          </SimpleGrid>
        </Card>

        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={3} fz="lg">
              Workflow steps
            </Title>
            <Button component={Link} to={`/workflows/${workflow.id}/steps/new`} leftSection={<IconPlus size={16} />} aria-label="New step">
              New
            </Button>
          </Group>
          {steps.length === 0 ? (
            <EmptyState
              icon={<IconPlus size={28} />}
              title="No steps yet"
              action={
                <Button component={Link} to={`/workflows/${workflow.id}/steps/new`} leftSection={<IconPlus size={16} />} mt="xs">
                  Add the first step
                </Button>
              }
            >
              Steps run in order when the workflow is triggered: send a Chat Message, wait, send another.
            </EmptyState>
          ) : (
            <Stack gap={0} aria-label="Workflow steps" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
              {steps.map((step, index) => (
                <Fragment key={step.id}>
                  {index > 0 && <Box aria-hidden h={16} ml={31} style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }} />}
                  <li>
                    <StepCard
                      step={workflow.steps[index]!}
                      number={index + 1}
                      total={steps.length}
                      workflowId={workflow.id}
                      busy={moving || removing}
                      onMove={(position) => void move(step.id, position)}
                      onRemove={() => confirmRemove(step, index + 1)}
                    />
                  </li>
                </Fragment>
              ))}
            </Stack>
          )}
        </Stack>
      </Stack>
    </>
  );
}
