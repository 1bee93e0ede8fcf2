/**
 * Shared plumbing, kept small: the MongoDB connection (embedded server by default), GraphQL
 * scalars, limits and error mapping, the domain exceptions every feature throws, the clock,
 * and serving the built SPA.
 */
package io.recruitflow.platform;
