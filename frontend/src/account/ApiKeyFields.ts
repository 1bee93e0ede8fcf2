import { graphql } from '../gql';

/** Everything the API keys table shows about one key; create and revoke return it so the table updates. */
export const ApiKeyFieldsFragment = graphql(`
  fragment ApiKeyFields on ApiKey {
    id
    name
    prefix
    createdAt
    createdBy {
      id
      name
    }
    lastUsedAt
    revokedAt
    active
  }
`);
