/**
 * Accounts (tenants) and their users, SMS numbers, credit balance and API keys. Every read here is
 * scoped by the caller's account; a user or key of another account is simply not found.
 */
package io.recruitflow.account;
