/**
 * The step engine. Step executions are documents in a work queue, claimed atomically with a
 * lease so that several instances can share one database; the Chat Message step sends exactly
 * once or records why not. Correctness comes from unique keys and single-document conditional
 * updates — no transactions — and {@code docs/reliability.md} explains the crash windows.
 */
package io.recruitflow.dispatch;
