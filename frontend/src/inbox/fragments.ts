import { graphql, type DocumentType } from '../gql';

/** A message as the inbox shows it: the bubble, its delivery status and who sent it. */
export const InboxMessageFields = graphql(`
  fragment InboxMessageFields on Message {
    id
    conversationId
    candidateId
    direction
    from
    to
    body
    encoding
    segments
    status
    statusReason
    sandbox
    createdAt
    statusAt
    sender {
      id
      name
    }
    workflowName
  }
`);

/** A conversation as the list, the thread header and the candidate summary show it. */
export const InboxConversationFields = graphql(`
  fragment InboxConversationFields on Conversation {
    id
    ourNumber
    lastMessageAt
    preview
    unread
    assignedUser {
      id
      name
    }
    candidate {
      id
      fullName
      mobile
      mobileProblem
      atsStatus
      unknown
      smsOptOut {
        at
        keyword
      }
    }
  }
`);

export type InboxMessage = DocumentType<typeof InboxMessageFields>;
export type InboxConversation = DocumentType<typeof InboxConversationFields>;
