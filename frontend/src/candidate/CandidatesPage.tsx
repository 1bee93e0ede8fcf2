import { IconUsers } from '@tabler/icons-react';
import { ComingSoon } from '../components/ComingSoon';

export function CandidatesPage() {
  return (
    <ComingSoon title="Candidates" icon={<IconUsers size={28} />}>
      Here you will find every candidate from your ATS and web campaigns, with their SMS conversation and opt-out
      status.
    </ComingSoon>
  );
}
