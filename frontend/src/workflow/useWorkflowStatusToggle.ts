import { useCallback, useEffect, useState } from 'react';
import { notifications } from '@mantine/notifications';
import type { WorkflowStatus } from '../gql/graphql';
import { errorMessage } from '../lib/errors';
import { usePauseWorkflow } from './usePauseWorkflow';
import { useResumeWorkflow } from './useResumeWorkflow';

export interface ToggleableWorkflow {
  id: string;
  name: string;
  status: WorkflowStatus;
}

/**
 * Pause / Start that takes effect at once: the new status shows as soon as it is clicked, is
 * confirmed by the server's answer (the cache then refetches the lists), and is rolled back
 * with the server's message if the change was refused.
 */
export function useWorkflowStatusToggle(workflow: ToggleableWorkflow) {
  const [optimistic, setOptimistic] = useState<WorkflowStatus | null>(null);
  const [{ fetching: pausing }, pause] = usePauseWorkflow();
  const [{ fetching: resuming }, resume] = useResumeWorkflow();

  // Once the refetched workflow agrees, it is the source of truth again.
  useEffect(() => {
    if (optimistic !== null && optimistic === workflow.status) setOptimistic(null);
  }, [optimistic, workflow.status]);

  const status = optimistic ?? workflow.status;

  const toggle = useCallback(async () => {
    const target: WorkflowStatus = status === 'ACTIVE' ? 'PAUSED' : 'ACTIVE';
    setOptimistic(target);
    const result = target === 'PAUSED' ? await pause({ id: workflow.id }) : await resume({ id: workflow.id });
    if (result.error) {
      setOptimistic(null);
      notifications.show({
        color: 'red',
        title: target === 'PAUSED' ? 'The workflow was not paused' : 'The workflow was not started',
        message: errorMessage(result.error),
      });
      return;
    }
    notifications.show({
      color: target === 'PAUSED' ? 'gray' : 'teal',
      title: target === 'PAUSED' ? `Paused “${workflow.name}”` : `Started “${workflow.name}”`,
      message:
        target === 'PAUSED'
          ? 'It starts no new runs; steps already due wait until you start it again.'
          : 'It runs again for new triggers; held steps continue.',
    });
  }, [status, pause, resume, workflow.id, workflow.name]);

  return { status, toggle, pending: pausing || resuming };
}
