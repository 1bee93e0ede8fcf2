import { act, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { liveMockClient } from '../lib/live/testing';
import { renderWithProviders } from '../test/render';
import { aConversation, aMessage, anOutboundMessage } from './testData';
import { useLiveCandidateMessages } from './useLiveCandidateMessages';

function Probe({ candidateId, refetch }: { candidateId: string; refetch: () => void }) {
  useLiveCandidateMessages(candidateId, refetch);
  return null;
}

describe("a candidate's live SMS", () => {
  it('refetches for SMS in both directions of that candidate only, and after a reconnect', async () => {
    const mock = liveMockClient({});
    const refetch = vi.fn();
    renderWithProviders(<Probe candidateId="cand-olivia" refetch={refetch} />, { client: mock.client });

    act(() => mock.emit('InboxMessageReceived', { inboxMessageReceived: { message: aMessage({ candidateId: 'cand-liam' }), conversation: aConversation() } }));
    act(() => mock.emit('InboxMessageStatusChanged', { messageStatusChanged: anOutboundMessage({ candidateId: 'cand-liam' }) }));
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(refetch).not.toHaveBeenCalled();

    act(() => mock.emit('InboxMessageReceived', { inboxMessageReceived: { message: aMessage(), conversation: aConversation() } }));
    act(() => mock.emit('InboxMessageStatusChanged', { messageStatusChanged: anOutboundMessage({ id: 'm2' }) }));
    await waitFor(() => expect(refetch).toHaveBeenCalledTimes(1));

    act(() => {
      mock.connection.listeners.closed({ code: 1006, reason: '' });
      mock.connection.listeners.connected({}, undefined, true);
    });
    expect(refetch).toHaveBeenCalledTimes(2);
  });
});
