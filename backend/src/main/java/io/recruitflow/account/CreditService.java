package io.recruitflow.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import io.recruitflow.platform.Caller;
import io.recruitflow.platform.Lookups;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * SMS credits: debited before a send, refunded when a send finally fails. Each change is one
 * atomic update of the account document, guarded so the balance never drops below zero, and
 * idempotent: the ledger entry, keyed by the operation, records that it happened. Between the
 * update and its ledger entry the account holds the operation among its pending ones, with its
 * amount, so a step retried after a crash in between cannot pay twice, and a step ended unsent
 * after one can be refunded; the account only ever holds operations in flight (a long history of
 * keys on the account made every debit and every read of the account carry it).
 */
@Service
public class CreditService implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(CreditService.class);

	/**
	 * Operations applied to the balance whose ledger entry may not be written yet, by key: the
	 * delta, when, the ledger's reason and reference, and whether to undo it if abandoned.
	 */
	static final String PENDING = "pendingCredits";

	/**
	 * The keys of operations in flight, without amounts: where builds before {@link #PENDING} kept
	 * them, and where this one also keeps them so that such a build's instances, running beside it
	 * during a rolling upgrade, do not pay again for an operation this one interrupted.
	 */
	static final String UNSETTLED = "unsettledCreditOperations";

	/** Where earlier builds still kept the keys of an account's last 2,000 operations. */
	static final String LEGACY_OPERATIONS = "creditOperations";

	/**
	 * How long an operation may stay pending before the sweep ends it. A writer takes
	 * milliseconds between its two writes; one still pending this long stopped.
	 */
	static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

	/**
	 * The account document is addressed by collection name here: the credit fields are not
	 * properties of {@link Account}, and mapping them through it makes Spring Data throw and catch
	 * an exception for each such field on every debit.
	 */
	private static final String ACCOUNTS = "accounts";

	private final MongoTemplate mongo;

	private final Clock clock;

	CreditService(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Takes {@code amount} credits unless the balance is lower. Calling again with the same key
	 * after it succeeded changes nothing and answers true. For work its caller repeats after a
	 * crash with the same key (a step), which settles a debit the crash interrupted.
	 *
	 * @return whether the credits are (now or already) debited
	 */
	public boolean debit(String accountId, long amount, String operationKey, String reason, String reference) {
		return apply(accountId, -amount, operationKey, reason, reference, false);
	}

	/**
	 * As {@link #debit}, for a send made within one request that nobody repeats: if the app stops
	 * between the balance update and the ledger entry, the caller never got its answer and sent
	 * nothing, so the sweep gives the credits back.
	 */
	public boolean debitWithinRequest(String accountId, long amount, String operationKey, String reason,
			String reference) {
		return apply(accountId, -amount, operationKey, reason, reference, true);
	}

	/** Gives back credits; idempotent on {@code operationKey} like {@link #debit}. */
	public void refund(String accountId, long amount, String operationKey, String reason, String reference) {
		apply(accountId, amount, operationKey, reason, reference, false);
	}

	/**
	 * How many credits a debit took, if it took any. A debit whose writer stopped before its ledger
	 * entry is settled first, so that what it took can be given back.
	 */
	public OptionalLong debited(String accountId, String operationKey) {
		// The pending entry first: its writer writes the ledger entry before clearing it, so one of
		// the two reads sees the debit whenever the other misses it.
		Pending pending = pending(accountId).get(operationKey);
		CreditLedgerEntry entry = this.mongo.findById(operationKey, CreditLedgerEntry.class);
		if (entry == null) {
			if (pending == null || pending.delta() >= 0) {
				return OptionalLong.empty();
			}
			settle(accountId, operationKey, pending);
			return OptionalLong.of(-pending.delta());
		}
		return entry.delta() >= 0 ? OptionalLong.empty() : OptionalLong.of(-entry.delta());
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

	private boolean apply(String accountId, long delta, String operationKey, String reason, String reference,
			boolean voidIfAbandoned) {
		String pendingField = pendingField(operationKey);
		if (settled(accountId, operationKey)) {
			return true;
		}
		// Keys earlier builds kept count until that account's list is carried over (a rolling
		// upgrade, or a start that has not reached the account yet).
		Criteria guard = Criteria.where("_id").is(accountId).and(pendingField).exists(false).and(UNSETTLED)
			.ne(operationKey).and(LEGACY_OPERATIONS).ne(operationKey);
		if (delta < 0) {
			guard = guard.and("credits").gte(-delta);
		}
		Query applicable = Query.query(guard);
		applicable.fields().include("credits");
		Document pending = new Document("delta", delta).append("at", Date.from(this.clock.instant()))
			.append("reason", reason)
			.append("reference", reference)
			.append("voidIfAbandoned", voidIfAbandoned);
		Update take = new Update().inc("credits", delta).set(pendingField, pending).addToSet(UNSETTLED, operationKey);
		Document updated = this.mongo.findAndModify(applicable, take, FindAndModifyOptions.options().returnNew(true),
				Document.class, ACCOUNTS);
		if (updated != null) {
			writeLedger(accountId, delta, operationKey, reason, reference, updated.get("credits", Number.class).longValue());
			clear(accountId, operationKey);
			return true;
		}
		Query interrupted = Query.query(Criteria.where("_id").is(accountId)
			.orOperator(Criteria.where(pendingField).exists(true), Criteria.where(UNSETTLED).is(operationKey),
					Criteria.where(LEGACY_OPERATIONS).is(operationKey)));
		interrupted.fields().include("credits").include(pendingField);
		Document account = this.mongo.findOne(interrupted, Document.class, ACCOUNTS);
		if (account == null) {
			// Short of credits — or another attempt with this key settled it in the meantime.
			return settled(accountId, operationKey);
		}
		// Applied by an attempt that stopped before its ledger entry: settle it as that attempt made
		// it (a re-run may have rendered a different amount); a key an earlier build kept has no
		// amount, so this call's stands in.
		Pending earlier = pending(account).get(operationKey);
		long balanceAfter = account.get("credits", Number.class).longValue();
		if (earlier != null) {
			writeLedger(accountId, earlier.delta(), operationKey, earlier.reason(), earlier.reference(), balanceAfter);
		}
		else {
			writeLedger(accountId, delta, operationKey, reason, reference, balanceAfter);
		}
		clear(accountId, operationKey);
		return true;
	}

	/** Whether the operation's ledger entry exists; clears a key its writer stopped before clearing. */
	private boolean settled(String accountId, String operationKey) {
		if (!Lookups.anyMatch(this.mongo, Query.query(Criteria.where("_id").is(operationKey)), CreditLedgerEntry.class)) {
			return false;
		}
		clear(accountId, operationKey);
		return true;
	}

	/** Clears the key wherever this or an earlier build kept it, in one write. */
	private void clear(String accountId, String operationKey) {
		String pendingField = pendingField(operationKey);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(accountId)
			.orOperator(Criteria.where(pendingField).exists(true), Criteria.where(UNSETTLED).is(operationKey))),
				new Update().unset(pendingField).pull(UNSETTLED, operationKey), ACCOUNTS);
	}

	private void settle(String accountId, String operationKey, Pending pending) {
		writeLedger(accountId, pending.delta(), operationKey, pending.reason(), pending.reference(), balance(accountId));
		clear(accountId, operationKey);
	}

	/**
	 * Ends operations pending longer than {@link #ABANDONED_AFTER}: a debit made within a request
	 * is undone (its caller sent nothing); any other operation is settled, as its retry would.
	 */
	@Scheduled(fixedDelayString = "${recruitflow.credits.abandoned-sweep-interval:60s}",
			initialDelayString = "${recruitflow.credits.abandoned-sweep-interval:60s}")
	public void endAbandoned() {
		Instant cutoff = this.clock.instant().minus(ABANDONED_AFTER);
		// Clearing the last entry leaves {}: only accounts with operations in flight are read.
		Query withPending = Query.query(Criteria.where(PENDING).exists(true).ne(new Document()));
		withPending.fields().include(PENDING);
		for (Document account : this.mongo.find(withPending, Document.class, ACCOUNTS)) {
			String accountId = account.get("_id").toString();
			try {
				endAbandoned(accountId, pending(account), cutoff);
			}
			catch (RuntimeException ex) {
				log.warn("Could not end the abandoned credit operations of account {}; the next sweep tries again",
						accountId, ex);
			}
		}
	}

	private void endAbandoned(String accountId, Map<String, Pending> operations, Instant cutoff) {
		operations.forEach((key, pending) -> {
			if (!pending.at().isBefore(cutoff) || settled(accountId, key)) {
				return;
			}
			if (pending.voidIfAbandoned()) {
				// Guarded by the entry's time, so that two instances sweeping at once give it back once.
				this.mongo.updateFirst(Query.query(Criteria.where("_id").is(accountId).and(pendingField(key) + ".at")
					.is(Date.from(pending.at()))),
						new Update().inc("credits", -pending.delta()).unset(pendingField(key)).pull(UNSETTLED, key),
						ACCOUNTS);
			}
			else {
				settle(accountId, key, pending);
			}
		});
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
		for (Document account : this.mongo.find(legacy, Document.class, ACCOUNTS)) {
			List<String> keys = account.getList(LEGACY_OPERATIONS, String.class, List.of());
			Query recorded = Query.query(Criteria.where("_id").in(keys));
			recorded.fields().include("_id");
			Set<String> settled = this.mongo.find(recorded, Document.class, "creditLedger")
				.stream()
				.map(entry -> entry.getString("_id"))
				.collect(Collectors.toSet());
			List<String> unsettled = keys.stream().filter(key -> !settled.contains(key)).toList();
			Update migrate = new Update().unset(LEGACY_OPERATIONS);
			if (!unsettled.isEmpty()) {
				migrate.addToSet(UNSETTLED).each(unsettled.toArray());
			}
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(account.get("_id"))), migrate, ACCOUNTS);
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

	private Map<String, Pending> pending(String accountId) {
		Query query = Query.query(Criteria.where("_id").is(accountId));
		query.fields().include(PENDING);
		Document account = this.mongo.findOne(query, Document.class, ACCOUNTS);
		return account == null ? Map.of() : pending(account);
	}

	private static Map<String, Pending> pending(Document account) {
		Document pending = account.get(PENDING, Document.class);
		if (pending == null) {
			return Map.of();
		}
		return pending.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, entry -> Pending.of((Document) entry.getValue())));
	}

	/** Operation keys become field names: they must not hold what MongoDB reads as a path or operator. */
	private static String pendingField(String operationKey) {
		if (operationKey.isEmpty() || operationKey.indexOf('.') >= 0 || operationKey.startsWith("$")) {
			throw new IllegalArgumentException("Credit operation keys cannot contain '.' or start with '$': " + operationKey);
		}
		return PENDING + "." + operationKey;
	}

	private record Pending(long delta, Instant at, String reason, String reference, boolean voidIfAbandoned) {

		static Pending of(Document document) {
			return new Pending(document.get("delta", Number.class).longValue(), document.getDate("at").toInstant(),
					document.getString("reason"), document.getString("reference"),
					document.getBoolean("voidIfAbandoned", false));
		}

	}

}
