package io.recruitflow.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One change of an account's SMS credits. The id is the operation's idempotency key (e.g.
 * {@code debit:<step execution>:<attempt generation>}), so writing an entry twice keeps one.
 */
@Document("creditLedger")
@CompoundIndex(name = "account_at", def = "{'accountId': 1, 'at': -1}")
public record CreditLedgerEntry(@Id String id, String accountId, long delta, String reason, String reference,
		long balanceAfter, Instant at) {
}
