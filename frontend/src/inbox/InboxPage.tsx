import { IconInbox } from '@tabler/icons-react';
import { ComingSoon } from '../components/ComingSoon';

export function InboxPage() {
  return (
    <ComingSoon title="Inbox" icon={<IconInbox size={28} />}>
      Here your team will read and answer candidates' SMS replies in a shared inbox that updates live.
    </ComingSoon>
  );
}
