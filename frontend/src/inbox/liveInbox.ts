import { getFragmentData, graphql } from '../gql';
import { useLiveSubscription } from '../lib/live/hooks';
import { InboxConversationFields, InboxMessageFields, type InboxConversation, type InboxMessage } from './fragments';

/** Every inbound SMS of the account, with its conversation as it now stands. */
export const InboxMessageReceivedSubscription = graphql(`
  subscription InboxMessageReceived {
    inboxMessageReceived {
      message {
        ...InboxMessageFields
      }
      conversation {
        ...InboxConversationFields
      }
    }
  }
`);

/** Delivery status changes of the account's SMS, and each new outbound SMS (from any tab or workflow). */
export const MessageStatusChangedSubscription = graphql(`
  subscription InboxMessageStatusChanged {
    messageStatusChanged {
      ...InboxMessageFields
    }
  }
`);

export interface InboxLiveHandlers {
  /** A candidate's SMS arrived. */
  onInbound?: (message: InboxMessage, conversation: InboxConversation) => void;
  /** An SMS of ours was recorded or changed status. */
  onOutbound?: (message: InboxMessage) => void;
}

/**
 * The inbox's live events, for as long as the calling component is mounted. Components using
 * these share one server subscription per document (urql de-duplicates them).
 */
export function useInboxLiveEvents({ onInbound, onOutbound }: InboxLiveHandlers, { pause = false }: { pause?: boolean } = {}) {
  useLiveSubscription(
    InboxMessageReceivedSubscription,
    (data) => {
      const event = data.inboxMessageReceived;
      onInbound?.(getFragmentData(InboxMessageFields, event.message), getFragmentData(InboxConversationFields, event.conversation));
    },
    { pause: pause || !onInbound },
  );
  useLiveSubscription(
    MessageStatusChangedSubscription,
    (data) => onOutbound?.(getFragmentData(InboxMessageFields, data.messageStatusChanged)),
    { pause: pause || !onOutbound },
  );
}
