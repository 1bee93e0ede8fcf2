import type { ReactNode } from 'react';
import { Badge } from '@mantine/core';
import { EmptyState } from './EmptyState';
import { PageHeader } from './PageHeader';

/** An honest placeholder for a page whose feature ships in a later release: no sample data, no dead buttons. */
export function ComingSoon({ title, icon, children }: { title: string; icon: ReactNode; children: ReactNode }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState
        icon={icon}
        title="Coming soon"
        action={
          <Badge variant="light" color="gray" mt={4}>
            In development
          </Badge>
        }
      >
        {children}
      </EmptyState>
    </>
  );
}
