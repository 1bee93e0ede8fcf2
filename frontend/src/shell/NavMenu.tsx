import type { ComponentType } from 'react';
import { Link, useLocation } from 'react-router';
import { NavLink, Stack, Text } from '@mantine/core';
import {
  IconDeviceMobileMessage,
  IconInbox,
  IconKey,
  IconRoute,
  IconTemplate,
  IconUsers,
  type IconProps,
} from '@tabler/icons-react';

interface NavItem {
  label: string;
  to: string;
  icon: ComponentType<IconProps>;
}

interface NavSection {
  title: string;
  items: NavItem[];
}

export const NAV_SECTIONS: NavSection[] = [
  {
    title: 'CRM',
    items: [
      { label: 'Workflows', to: '/workflows', icon: IconRoute },
      { label: 'Chat templates', to: '/templates', icon: IconTemplate },
      { label: 'Inbox', to: '/inbox', icon: IconInbox },
      { label: 'Candidates', to: '/candidates', icon: IconUsers },
    ],
  },
  {
    title: 'Settings',
    items: [
      { label: 'SMS numbers & credits', to: '/settings/numbers', icon: IconDeviceMobileMessage },
      { label: 'API keys', to: '/settings/api-keys', icon: IconKey },
    ],
  },
];

function isActive(pathname: string, to: string): boolean {
  return pathname === to || pathname.startsWith(`${to}/`);
}

export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { pathname } = useLocation();
  return (
    <Stack gap="lg" component="nav" aria-label="Main">
      {NAV_SECTIONS.map((section) => (
        <Stack gap={2} key={section.title}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4} style={{ letterSpacing: '0.06em' }}>
            {section.title}
          </Text>
          {section.items.map(({ label, to, icon: Icon }) => {
            const active = isActive(pathname, to);
            return (
              <NavLink
                key={to}
                component={Link}
                to={to}
                label={label}
                active={active}
                aria-current={active ? 'page' : undefined}
                leftSection={<Icon size={18} stroke={1.7} />}
                onClick={onNavigate}
                variant="light"
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
                fw={active ? 600 : 500}
              />
            );
          })}
        </Stack>
      ))}
    </Stack>
  );
}
