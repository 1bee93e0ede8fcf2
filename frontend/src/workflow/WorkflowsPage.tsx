import { IconRoute } from '@tabler/icons-react';
import { ComingSoon } from '../components/ComingSoon';

export function WorkflowsPage() {
  return (
    <ComingSoon title="Workflows" icon={<IconRoute size={28} />}>
      Here you will build workflows that text candidates automatically when they complete a call-to-action on a web
      campaign or move to a new ATS status.
    </ComingSoon>
  );
}
