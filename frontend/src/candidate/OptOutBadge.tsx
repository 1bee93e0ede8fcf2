import { Badge, Tooltip } from '@mantine/core';
import { IconMessageOff } from '@tabler/icons-react';
import { formatDate } from './formatDate';

/** "Opted out": the candidate texted STOP (or similar), so no automated SMS go to them. */
export function OptOutBadge({ optOut, size = 'sm' }: { optOut: { at: string; keyword: string }; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  return (
    <Tooltip label={`Texted ${optOut.keyword} on ${formatDate(optOut.at)}: no automated SMS go to them`} withArrow>
      <Badge size={size} radius="sm" variant="light" color="red" leftSection={<IconMessageOff size={12} />} style={{ textTransform: 'none' }} data-testid="opted-out">
        Opted out
      </Badge>
    </Tooltip>
  );
}
