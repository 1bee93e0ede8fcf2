import { Badge } from '@mantine/core';

const COLOURS: Record<string, string> = {
  new: 'gray',
  screening: 'blue',
  interview: 'violet',
  offer: 'cyan',
  hired: 'teal',
  rejected: 'red',
};

/** The candidate's ATS status; the demo statuses get their own colours, any other status is grey. */
export function AtsStatusBadge({ status, size = 'sm' }: { status: string | null | undefined; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  if (!status) return null;
  return (
    <Badge component="span" size={size} radius="sm" variant="light" color={COLOURS[status.toLowerCase()] ?? 'gray'} style={{ textTransform: 'none' }} data-testid="ats-status">
      {status}
    </Badge>
  );
}
