import { Badge, Loader, Tooltip } from '@mantine/core';
import { useLiveConnectionState } from './hooks';

export const OFFLINE_LABEL = 'Offline — reconnecting…';

/**
 * Says so while the live link is down: replies and delivery reports do not arrive until it is
 * back (and then what was missed is refetched). Renders nothing while all is well.
 */
export function ConnectionIndicator() {
  const state = useLiveConnectionState();
  const offline = state === 'reconnecting';
  return (
    <div role="status" aria-live="polite" style={{ display: 'contents' }}>
      {offline && (
        <Tooltip label="Live updates are paused until the connection is back; then anything missed is loaded." withArrow multiline w={260}>
          <Badge
            size="lg"
            radius="sm"
            variant="light"
            color="orange"
            leftSection={<Loader size={12} color="orange" type="dots" />}
            style={{ textTransform: 'none', flexShrink: 0 }}
            data-testid="connection-offline"
            tabIndex={0}
          >
            {OFFLINE_LABEL}
          </Badge>
        </Tooltip>
      )}
    </div>
  );
}
