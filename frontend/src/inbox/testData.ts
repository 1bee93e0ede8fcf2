import type { InboxConversation, InboxMessage } from './fragments';

/** Test data: a message as the API gives it (Olivia texting Jane unless overridden). */
export function aMessage(overrides: Partial<InboxMessage> = {}): InboxMessage {
  return {
    __typename: 'Message',
    id: 'm1',
    conversationId: 'c1',
    candidateId: 'cand-olivia',
    direction: 'INBOUND',
    from: '+61412345678',
    to: '+61480000001',
    body: 'Hi Jane, yes I am interested!',
    encoding: 'GSM_7',
    segments: 1,
    status: 'RECEIVED',
    statusReason: null,
    sandbox: false,
    createdAt: '2026-11-02T01:00:00Z',
    statusAt: '2026-11-02T01:00:00Z',
    sender: null,
    workflowName: null,
    ...overrides,
  } as InboxMessage;
}

export function anOutboundMessage(overrides: Partial<InboxMessage> = {}): InboxMessage {
  return aMessage({
    direction: 'OUTBOUND',
    from: '+61480000001',
    to: '+61412345678',
    status: 'SENT',
    sender: { __typename: 'User', id: 'u-jane', name: 'Jane Doe' },
    ...overrides,
  } as Partial<InboxMessage>);
}

/** Test data: a conversation as the API gives it. */
export function aConversation(overrides: Partial<InboxConversation> & { candidateName?: string } = {}): InboxConversation {
  const { candidateName = 'Olivia Nguyen', ...rest } = overrides;
  return {
    __typename: 'Conversation',
    id: 'c1',
    ourNumber: '+61480000001',
    lastMessageAt: '2026-11-02T01:00:00Z',
    preview: 'Hi Jane, yes I am interested!',
    unread: 0,
    assignedUser: { __typename: 'User', id: 'u-jane', name: 'Jane Doe' },
    candidate: {
      __typename: 'Candidate',
      id: 'cand-olivia',
      fullName: candidateName,
      mobile: '+61412345678',
      mobileProblem: null,
      atsStatus: 'New',
      unknown: false,
      smsOptOut: null,
    },
    ...rest,
  } as InboxConversation;
}
