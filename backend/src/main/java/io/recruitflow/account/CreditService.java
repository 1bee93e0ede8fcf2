package io.recruitflow.account;

import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import io.recruitflow.platform.Caller;
import io.recruitflow.platform.Lookups;

import org.springframework.beans.factory.InitializingBean;
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
 * idempotent: the ledger entry, keyed by the operation, records that it happened. Between the
 * update and its ledger entry the account holds the key in a short list of unsettled operations,
 * so a step retried after a crash in between cannot pay twice either; the list only ever holds
 * operations in flight (a long history of keys on the account made every debit and every read of
 * the account carry it).
 */
@Service
public class CreditService implements InitializingBean {

	/** Keys of operations applied to the balance whose ledger entry may not be written yet. */
	static final String UNSETTLED = "unsettledCreditOperations";

	/** Where earlier builds kept the keys of an account's last 2,000 operations. */
	static final String LEGACY_OPERATIONS = "creditOperations";

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

	/** How many credits a settled operation took, if it took any. */
	public OptionalLong debited(String operationKey) {
		CreditLedgerEntry entry = this.mongo.findById(operationKey, CreditLedgerEntry.class);
		return entry == null || entry.delta() >= 0 ? OptionalLong.empty() : OptionalLong.of(-entry.delta());
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
		if (settled(accountId, operationKey)) {
			return true;
		}
		// Keys an earlier build kept count until that account's list is carried over (a rolling
		// upgrade, or a start that has not reached the account yet).
		Criteria guard = Criteria.where("_id").is(accountId).and(UNSETTLED).ne(operationKey)
			.and(LEGACY_OPERATIONS).ne(operationKey);
		if (delta < 0) {
			guard = guard.and("credits").gte(-delta);
		}
		Query applicable = Query.query(guard);
		applicable.fields().include("credits");
		Account updated = this.mongo.findAndModify(applicable,
				new Update().inc("credits", delta).push(UNSETTLED, operationKey),
				FindAndModifyOptions.options().returnNew(true), Account.class);
		long balanceAfter;
		if (updated != null) {
			balanceAfter = updated.credits();
		}
		else if (Lookups.anyMatch(this.mongo, Query.query(Criteria.where("_id").is(accountId)
			.orOperator(Criteria.where(UNSETTLED).is(operationKey), Criteria.where(LEGACY_OPERATIONS).is(operationKey))),
				Account.class)) {
			// Applied by an attempt that stopped before its ledger entry: settle it now.
			balanceAfter = balance(accountId);
		}
		else {
			// Short of credits — or another attempt with this key settled it in the meantime.
			return settled(accountId, operationKey);
		}
		writeLedger(accountId, delta, operationKey, reason, reference, balanceAfter);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(accountId)),
				new Update().pull(UNSETTLED, operationKey), Account.class);
		return true;
	}

	/** Whether the operation's ledger entry exists; clears a key its writer stopped before clearing. */
	private boolean settled(String accountId, String operationKey) {
		if (!Lookups.anyMatch(this.mongo, Query.query(Criteria.where("_id").is(operationKey)), CreditLedgerEntry.class)) {
			return false;
		}
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(accountId).and(UNSETTLED).is(operationKey)),
				new Update().pull(UNSETTLED, operationKey), Account.class);
		return true;
	}

	/**
	 * Earlier builds kept each account's last 2,000 operation keys on the account. Keys whose
	 * ledger entry exists are settled; the rest (a crash between the two writes) move to the
	 * unsettled list. Runs before dispatch starts; repeating it after a crash changes nothing twice.
	 */
	@Override
	public void afterPropertiesSet() {
		Query legacy = Query.query(Criteria.where(LEGACY_OPERATIONS).exists(true));
		legacy.fields().include(LEGACY_OPERATIONS);
		for (org.bson.Document account : this.mongo.find(legacy, org.bson.Document.class, "accounts")) {
			List<String> keys = account.getList(LEGACY_OPERATIONS, String.class, List.of());
			Query recorded = Query.query(Criteria.where("_id").in(keys));
			recorded.fields().include("_id");
			Set<String> settled = this.mongo.find(recorded, org.bson.Document.class, "creditLedger")
				.stream()
				.map(entry -> entry.getString("_id"))
				.collect(Collectors.toSet());
			List<String> unsettled = keys.stream().filter(key -> !settled.contains(key)).toList();
			Update migrate = new Update().unset(LEGACY_OPERATIONS);
			if (!unsettled.isEmpty()) {
				migrate.addToSet(UNSETTLED).each(unsettled.toArray());
			}
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(account.get("_id"))), migrate, "accounts");
		}
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
