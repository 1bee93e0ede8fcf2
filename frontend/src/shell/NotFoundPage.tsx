import { Button } from '@mantine/core';
import { IconArrowLeft, IconMap2 } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState
        icon={<IconMap2 size={28} />}
        title="There is no page here"
        action={
          <Button component={Link} to="/workflows" variant="light" leftSection={<IconArrowLeft size={16} />} mt="xs">
            Go to Workflows
          </Button>
        }
      >
        Nothing lives at <code>{pathname}</code>. Check the address, or pick a page from the menu.
      </EmptyState>
    </>
  );
}
