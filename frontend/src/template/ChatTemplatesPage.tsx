import { IconTemplate } from '@tabler/icons-react';
import { ComingSoon } from '../components/ComingSoon';

export function ChatTemplatesPage() {
  return (
    <ComingSoon title="Chat templates" icon={<IconTemplate size={28} />}>
      Here you will write the SMS templates your workflows send, with merge fields and a preview of segments and
      credits.
    </ComingSoon>
  );
}
