import { useDebouncedCallback, useOnReconnect } from '../lib/live/hooks';
import { useInboxLiveEvents } from './liveInbox';

/** Events in a burst (a reply and its opt-out confirmation) refetch once. */
const REFETCH_DELAY_MS = 150;

/**
 * Keeps one candidate's SMS live wherever they are shown (e.g. the profile's SMS tab): `refetch`
 * runs shortly after an SMS from them arrives, after an SMS to them is recorded (from any tab,
 * the inbox or a workflow) or changes delivery status, and after a reconnect (events sent while
 * offline were missed). Both directions, no polling. Pass `null` while the candidate is unknown.
 */
export function useLiveCandidateMessages(candidateId: string | null | undefined, refetch: () => void): void {
  const soon = useDebouncedCallback(refetch, REFETCH_DELAY_MS);
  useInboxLiveEvents(
    {
      onInbound: (message) => {
        if (message.candidateId === candidateId) soon();
      },
      onOutbound: (message) => {
        if (message.candidateId === candidateId) soon();
      },
    },
    { pause: !candidateId },
  );
  useOnReconnect(() => {
    if (candidateId) refetch();
  });
}
