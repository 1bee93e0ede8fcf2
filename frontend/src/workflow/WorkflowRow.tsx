import { ActionIcon, Anchor, Badge, Group, Menu, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCopy, IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../gql';
import { StatusDot } from './StatusDot';
import { useWorkflowActions } from './useWorkflowActions';
import { useWorkflowStatusToggle } from './useWorkflowStatusToggle';
import { WorkflowStatusButton } from './WorkflowStatusButton';

export const WorkflowRowFieldsFragment = graphql(`
  fragment WorkflowRowFields on Workflow {
    id
    name
    status
    triggerSummary
    stepCount
    valid
  }
`);

/** One workflow in the list: status dot, name, trigger, steps, Pause/Start and a menu. */
export function WorkflowRow(props: { workflow: FragmentType<typeof WorkflowRowFieldsFragment> }) {
  const workflow = getFragmentData(WorkflowRowFieldsFragment, props.workflow);
  const navigate = useNavigate();
  const { status, toggle, pending } = useWorkflowStatusToggle(workflow);
  const { copy, confirmDelete } = useWorkflowActions();

  return (
    <Table.Tr data-testid={`workflow-row-${workflow.id}`}>
      <Table.Td w={44} pr={0}>
        <Group justify="center">
          <StatusDot status={status} />
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/workflows/${workflow.id}`} fw={600} c="dark.7" size="sm">
            {workflow.name}
          </Anchor>
          {!workflow.valid && (
            <Tooltip label="A step cannot run: open the workflow to fix it" withArrow>
              <Badge color="red" variant="light" size="sm" leftSection={<IconAlertTriangle size={12} />}>
                Needs attention
              </Badge>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {workflow.triggerSummary}
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm">{workflow.stepCount}</Text>
      </Table.Td>
      <Table.Td w={96}>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <WorkflowStatusButton variant="icon" name={workflow.name} status={status} pending={pending} onToggle={toggle} />
          <Menu position="bottom-end" withinPortal shadow="md">
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" size="lg" aria-label={`More actions for ${workflow.name}`}>
                <IconDots size={18} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => navigate(`/workflows/${workflow.id}/edit`)}>
                Edit
              </Menu.Item>
              <Menu.Item leftSection={<IconCopy size={16} />} onClick={() => void copy(workflow)}>
                Copy
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => confirmDelete(workflow)}>
                Delete
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
