import { Anchor, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';

/** "← Workflows": the way back up from a detail or form page. */
export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" c="dimmed" mb={6} display="inline-block">
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} />
        {children}
      </Group>
    </Anchor>
  );
}
