/**
 * Authentication: sign-in with throttling, signed session tokens (JWT), API keys, the bearer
 * filter for HTTP and the graphql-ws {@code connection_init} check for WebSockets. What it
 * establishes is a {@link io.recruitflow.platform.Caller}; tenant scoping itself happens in each
 * feature's services.
 */
package io.recruitflow.security;
