package io.recruitflow.account;

import java.time.Clock;
import java.util.List;

import io.recruitflow.platform.Caller;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * SMS credits: debited before a send, refunded when a send finally fails. Each change is one
 * atomic update of the account document, guarded so the balance never drops below zero, and
 * idempotent: the account remembers the keys of its recent operations, so a step retried after a
 * crash cannot pay twice. The ledger entry written afterwards is keyed the same way.
 */
@Service
public class CreditService {

	/** Enough to cover every operation that can still be in flight or recovered. */
	static final int REMEMBERED_OPERATIONS = 2000;

	private static final String OPERATIONS = "creditOperations";

	private final MongoTemplate mongo;

	private final Clock clock;

	CreditService(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Takes {@code amount} credits unless the balance is lower. Calling again with the same key
	 * after it succeeded changes nothing and answers true.
	 *
	 * @return whether the credits are (now or already) debited
	 */
	public boolean debit(String accountId, long amount, String operationKey, String reason, String reference) {
		return apply(accountId, -amount, operationKey, reason, reference);
	}

	/** Gives back credits; idempotent on {@code operationKey} like {@link #debit}. */
	public void refund(String accountId, long amount, String operationKey, String reason, String reference) {
		apply(accountId, amount, operationKey, reason, reference);
	}

	public long balance(String accountId) {
		Account account = this.mongo.findById(accountId, Account.class);
		return account == null ? 0 : account.credits();
	}

	/** The caller's account's ledger, newest first. */
	public List<CreditLedgerEntry> ledger(Caller caller, int limit) {
		return this.mongo.find(Query.query(Criteria.where("accountId").is(caller.accountId()))
			.with(Sort.by(Sort.Direction.DESC, "at"))
			.limit(limit), CreditLedgerEntry.class);
	}

	private boolean apply(String accountId, long delta, String operationKey, String reason, String reference) {
		Criteria guard = Criteria.where("_id").is(accountId).and(OPERATIONS).ne(operationKey);
		if (delta < 0) {
			guard = guard.and("credits").gte(-delta);
		}
		Update update = new Update().inc("credits", delta).push(OPERATIONS).slice(-REMEMBERED_OPERATIONS).each(operationKey);
		Account updated = this.mongo.findAndModify(Query.query(guard), update,
				FindAndModifyOptions.options().returnNew(true), Account.class);
		if (updated != null) {
			writeLedger(accountId, delta, operationKey, reason, reference, updated.credits());
			return true;
		}
		boolean alreadyApplied = this.mongo.exists(
				Query.query(Criteria.where("_id").is(accountId).and(OPERATIONS).is(operationKey)), Account.class);
		if (alreadyApplied) {
			// The ledger write may be what a crash interrupted; it is keyed, so writing again is safe.
			writeLedger(accountId, delta, operationKey, reason, reference, balance(accountId));
		}
		return alreadyApplied;
	}

	private void writeLedger(String accountId, long delta, String operationKey, String reason, String reference,
			long balanceAfter) {
		Update entry = new Update().setOnInsert("accountId", accountId)
			.setOnInsert("delta", delta)
			.setOnInsert("reason", reason)
			.setOnInsert("reference", reference)
			.setOnInsert("balanceAfter", balanceAfter)
			.setOnInsert("at", this.clock.instant());
		this.mongo.upsert(Query.query(Criteria.where("_id").is(operationKey)), entry, CreditLedgerEntry.class);
	}

}
