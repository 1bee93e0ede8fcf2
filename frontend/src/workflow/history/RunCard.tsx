import { Anchor, Card, Code, Group, Stack, Text, Timeline, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { formatDateTime } from '../../lib/format';
import { StepExecutionFieldsFragment } from './StepExecutionFields';
import { StepItem, StepStateBadge } from './StepItem';
import { stepStateColour } from './stepStates';

export const WorkflowRunFieldsFragment = graphql(`
  fragment WorkflowRunFields on WorkflowRun {
    id
    startedAt
    eventId
    state
    candidate {
      id
      fullName
      mobile
    }
    steps {
      id
      ...StepExecutionFields
    }
  }
`);

/** One run for one candidate: who, when, which event, and every step in order. */
export function RunCard({ run: runRef, onChanged }: { run: FragmentType<typeof WorkflowRunFieldsFragment>; onChanged?: () => void }) {
  const run = getFragmentData(WorkflowRunFieldsFragment, runRef);
  const steps = [...run.steps]
    .map((ref) => ({ ref, step: getFragmentData(StepExecutionFieldsFragment, ref) }))
    .sort((a, b) => a.step.position - b.step.position);

  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-label={`Run for ${run.candidate.fullName}`} data-testid={`run-${run.id}`}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm" mb="md">
        <Stack gap={2} miw={0}>
          <Anchor component={Link} to={`/candidates/${run.candidate.id}`} fw={600} fz="md" data-testid="run-candidate">
            {run.candidate.fullName}
          </Anchor>
          <Group gap={6} wrap="wrap">
            <Text size="xs" c="dimmed">
              Started {formatDateTime(run.startedAt)}
            </Text>
            <Text size="xs" c="dimmed">
              ·
            </Text>
            <Tooltip label="The integrator's event id that started this run" withArrow>
              <Text size="xs" c="dimmed" span>
                Event <Code fz="xs">{run.eventId}</Code>
              </Text>
            </Tooltip>
          </Group>
        </Stack>
        <StepStateBadge state={run.state} testId="run-state" />
      </Group>

      {steps.length === 0 ? (
        <Text size="sm" c="dimmed">
          No steps have started yet.
        </Text>
      ) : (
        <Timeline bulletSize={24} lineWidth={2} active={-1}>
          {steps.map(({ ref, step }) => (
            <Timeline.Item
              key={step.id}
              bullet={
                <Text size="xs" fw={700} c={stepStateColour(step.state) === 'gray' ? 'dimmed' : `${stepStateColour(step.state)}.8`}>
                  {step.position}
                </Text>
              }
              color={stepStateColour(step.state)}
              styles={{ itemBullet: { borderColor: `var(--mantine-color-${stepStateColour(step.state)}-4)`, backgroundColor: 'var(--mantine-color-body)' } }}
            >
              <StepItem step={ref} candidateName={run.candidate.fullName} onChanged={onChanged} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
