import { ActionIcon, Button, Tooltip } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import type { WorkflowStatus } from '../gql/graphql';

interface Props {
  name: string;
  status: WorkflowStatus;
  pending: boolean;
  onToggle: () => void;
  /** The list shows an icon; the workflow page a labelled button. */
  variant: 'icon' | 'button';
}

/** The Pause icon of an active workflow, the Start icon of a paused one. */
export function WorkflowStatusButton({ name, status, pending, onToggle, variant }: Props) {
  const active = status === 'ACTIVE';
  const label = active ? 'Pause' : 'Start';
  const Icon = active ? IconPlayerPause : IconPlayerPlay;
  if (variant === 'button') {
    return (
      <Button
        variant={active ? 'default' : 'filled'}
        color={active ? undefined : 'teal'}
        leftSection={<Icon size={16} />}
        onClick={onToggle}
        disabled={pending}
        aria-label={`${label} ${name}`}
      >
        {label}
      </Button>
    );
  }
  return (
    <Tooltip label={active ? 'Pause: start no new runs' : 'Start: run for new triggers'} withArrow>
      <ActionIcon
        variant="subtle"
        color={active ? 'gray' : 'teal'}
        size="lg"
        onClick={onToggle}
        disabled={pending}
        aria-label={`${label} ${name}`}
      >
        <Icon size={18} />
      </ActionIcon>
    </Tooltip>
  );
}
