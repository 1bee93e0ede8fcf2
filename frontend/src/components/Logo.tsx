import { Group, Text } from '@mantine/core';

/** The RecruitFlow mark: a speech bubble with a forward arrow. */
export function Logo({ size = 28, withName = false }: { size?: number; withName?: boolean }) {
  const mark = (
    <svg width={size} height={size} viewBox="0 0 32 32" role="img" aria-label="RecruitFlow" style={{ flexShrink: 0 }}>
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-indigo-6)" />
      <path
        d="M8 10.5A2.5 2.5 0 0 1 10.5 8h11A2.5 2.5 0 0 1 24 10.5v7a2.5 2.5 0 0 1-2.5 2.5H15l-4.6 3.6c-.5.4-1.2 0-1.2-.6V20h.1A1.3 1.3 0 0 1 8 18.7z"
        fill="#fff"
      />
      <path d="M13 14h6m-2.2-2.3L19 14l-2.2 2.3" stroke="var(--mantine-color-indigo-6)" strokeWidth="1.8" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
  if (!withName) return mark;
  return (
    <Group gap={8} wrap="nowrap">
      {mark}
      <Text fw={700} fz="lg" lh={1} style={{ letterSpacing: '-0.01em' }} visibleFrom="xs">
        RecruitFlow
      </Text>
    </Group>
  );
}
