import { Box, Tooltip } from '@mantine/core';
import type { WorkflowStatus } from '../gql/graphql';

export const STATUS_LABEL: Record<WorkflowStatus, string> = { ACTIVE: 'Active', PAUSED: 'Paused' };

/** The green (active) or grey (paused) dot next to a workflow's name. */
export function StatusDot({ status, size = 10 }: { status: WorkflowStatus; size?: number }) {
  const label = STATUS_LABEL[status];
  return (
    <Tooltip label={label} withArrow openDelay={300}>
      <Box
        component="span"
        role="img"
        aria-label={label}
        title={label}
        data-testid="workflow-status-dot"
        data-status={status}
        style={{
          display: 'inline-block',
          flexShrink: 0,
          width: size,
          height: size,
          borderRadius: '50%',
          background: status === 'ACTIVE' ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-gray-5)',
          boxShadow: status === 'ACTIVE' ? '0 0 0 3px var(--mantine-color-teal-1)' : '0 0 0 3px var(--mantine-color-gray-2)',
        }}
      />
    </Tooltip>
  );
}
