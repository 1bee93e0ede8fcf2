package io.recruitflow.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.mongodb.client.result.UpdateResult;
import io.recruitflow.support.IntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditServiceTests extends IntegrationTest {

	@Autowired
	CreditService credits;

	private String acme;

	@BeforeEach
	void findAcme() {
		this.acme = this.mongo.findOne(Query.query(Criteria.where("name").is("Acme Talent")), Account.class).id();
	}

	@Test
	void aDebitTakesCreditsAndWritesTheLedger() {
		assertThat(this.credits.debit(this.acme, 2, "debit:exec-1:0", "SMS", "exec-1")).isTrue();

		assertThat(this.credits.balance(this.acme)).isEqualTo(498);
		CreditLedgerEntry entry = this.mongo.findById("debit:exec-1:0", CreditLedgerEntry.class);
		assertThat(entry.delta()).isEqualTo(-2);
		assertThat(entry.balanceAfter()).isEqualTo(498);
	}

	@Test
	void repeatingADebitPaysOnce() {
		this.credits.debit(this.acme, 3, "debit:exec-1:0", "SMS", "exec-1");

		assertThat(this.credits.debit(this.acme, 3, "debit:exec-1:0", "SMS", "exec-1")).isTrue();

		assertThat(this.credits.balance(this.acme)).isEqualTo(497);
		assertThat(count("creditLedger")).isEqualTo(1);
	}

	@Test
	void theBalanceNeverDropsBelowZero() {
		assertThat(this.credits.debit(this.acme, 501, "debit:big:0", "SMS", "big")).isFalse();

		assertThat(this.credits.balance(this.acme)).isEqualTo(500);
		assertThat(count("creditLedger")).isZero();
	}

	@Test
	void concurrentDebitsStopExactlyAtZero() throws Exception {
		List<Callable<Boolean>> debits = IntStream.range(0, 60)
			.<Callable<Boolean>>mapToObj(i -> () -> this.credits.debit(this.acme, 10, "debit:exec-" + i + ":0", "SMS", "x"))
			.toList();

		long succeeded;
		try (var pool = Executors.newFixedThreadPool(8)) {
			succeeded = pool.invokeAll(debits).stream().map(CreditServiceTests::get).filter(ok -> ok).count();
		}

		assertThat(succeeded).isEqualTo(50);
		assertThat(this.credits.balance(this.acme)).isZero();
		assertThat(count("creditLedger")).isEqualTo(50);
	}

	@Test
	void aRefundGivesBackOnce() {
		this.credits.debit(this.acme, 2, "debit:exec-1:0", "SMS", "exec-1");

		this.credits.refund(this.acme, 2, "refund:exec-1:0", "Send failed", "exec-1");
		this.credits.refund(this.acme, 2, "refund:exec-1:0", "Send failed", "exec-1");

		assertThat(this.credits.balance(this.acme)).isEqualTo(500);
		assertThat(count("creditLedger")).isEqualTo(2);
	}

	@Test
	void aDebitStoppedBeforeItsLedgerEntryIsSettledByTheRetryNotPaidAgain() {
		interruptedBeforeItsLedgerEntry("debit:exec-1:0", -3, Instant.now(), false);

		assertThat(this.credits.debit(this.acme, 3, "debit:exec-1:0", "SMS", "exec-1")).isTrue();

		assertSettledOnce("debit:exec-1:0", 497);
	}

	@Test
	void aKeyAnEarlierBuildLeftWithoutItsAmountIsSettledByTheRetryNotPaidAgain() {
		this.mongo.updateFirst(byId(), new Update().inc("credits", -3).push(CreditService.UNSETTLED, "debit:exec-1:0"),
				Account.class);

		assertThat(this.credits.debit(this.acme, 3, "debit:exec-1:0", "SMS", "exec-1")).isTrue();

		assertSettledOnce("debit:exec-1:0", 497);
	}

	@Test
	void anInterruptedDebitIsSettledWhenAskedWhatItTookSoItCanBeRefunded() {
		interruptedBeforeItsLedgerEntry("debit:exec-1:0", -2, Instant.now(), false);

		assertThat(this.credits.debited(this.acme, "debit:exec-1:0")).hasValue(2);

		CreditLedgerEntry entry = this.mongo.findById("debit:exec-1:0", CreditLedgerEntry.class);
		assertThat(entry.delta()).isEqualTo(-2);
		assertThat(entry.reason()).isEqualTo("SMS to Olivia Nguyen");
		assertThat(pending()).isEmpty();
		this.credits.refund(this.acme, 2, "refund:exec-1:0", "Refund: SMS not sent", "exec-1");
		assertThat(this.credits.balance(this.acme)).isEqualTo(500);
		assertThat(this.credits.debited(this.acme, "debit:never:0")).isEmpty();
	}

	@Test
	void anAbandonedDebitMadeWithinARequestIsGivenBackAndAFreshOneIsLeftAlone() {
		interruptedBeforeItsLedgerEntry("direct:old", -2, Instant.now().minus(Duration.ofMinutes(11)), true);
		interruptedBeforeItsLedgerEntry("direct:fresh", -1, Instant.now(), true);

		this.credits.endAbandoned();
		this.credits.endAbandoned();

		assertThat(this.credits.balance(this.acme)).as("the old debit undone once, the fresh one kept").isEqualTo(499);
		assertThat(pending()).containsOnlyKeys("direct:fresh");
		assertThat(count("creditLedger")).isZero();
	}

	@Test
	void anAbandonedOperationSomeoneWouldRetryIsSettledNotUndone() {
		interruptedBeforeItsLedgerEntry("debit:exec-1:0", -3, Instant.now().minus(Duration.ofMinutes(11)), false);

		this.credits.endAbandoned();

		assertThat(this.credits.balance(this.acme)).isEqualTo(497);
		assertThat(this.mongo.findById("debit:exec-1:0", CreditLedgerEntry.class).delta()).isEqualTo(-3);
		assertThat(pending()).isEmpty();
		assertThat(this.credits.debit(this.acme, 3, "debit:exec-1:0", "SMS", "exec-1")).isTrue();
		assertThat(this.credits.balance(this.acme)).isEqualTo(497);
	}

	@Test
	void aDebitWithinARequestThatFinishedIsNotUndoneLater() {
		assertThat(this.credits.debitWithinRequest(this.acme, 2, "direct:done", "SMS", "done")).isTrue();
		// A stop after the ledger entry, before the key was cleared, long ago.
		leavePending("direct:done", -2, Instant.now().minus(Duration.ofMinutes(11)), true);

		this.credits.endAbandoned();

		assertThat(this.credits.balance(this.acme)).isEqualTo(498);
		assertThat(pending()).isEmpty();
	}

	@Test
	void aRetryFindingItsDebitPendingRecordsWhatWasTakenNotWhatItWouldTake() {
		interruptedBeforeItsLedgerEntry("debit:exec-1:0", -1, Instant.now(), false);

		// The re-run renders an edited template, which now costs 2 credits.
		assertThat(this.credits.debit(this.acme, 2, "debit:exec-1:0", "SMS", "exec-1")).isTrue();

		assertThat(this.credits.balance(this.acme)).isEqualTo(499);
		assertThat(this.mongo.findById("debit:exec-1:0", CreditLedgerEntry.class).delta()).isEqualTo(-1);
		assertThat(this.credits.debited(this.acme, "debit:exec-1:0")).hasValue(1);
	}

	@Test
	void whatADebitTookIsFoundWhenItsWriterFinishesBetweenTheTwoReads() {
		Interleaving template = new Interleaving(this.mongo);
		CreditService rerun = new CreditService(template, Clock.systemUTC());
		// A worker stalled past its lease after its balance update...
		interruptedBeforeItsLedgerEntry("debit:exec-1:0", -2, Instant.now(), false);
		// ...writes its ledger entry and clears the key while the re-run asks what it took.
		template.between = () -> this.credits.debit(this.acme, 2, "debit:exec-1:0", "SMS", "exec-1");

		assertThat(rerun.debited(this.acme, "debit:exec-1:0")).hasValue(2);
		assertThat(template.between).as("the writer ran between the two reads").isNull();
	}

	@Test
	void anInterruptedDebitStaysVisibleToEarlierBuildsDuringARollingUpgrade() {
		CreditService stopsBeforeItsLedgerEntry = new CreditService(
				new MongoTemplate(this.mongo.getMongoDatabaseFactory(), this.mongo.getConverter()) {
					@Override
					public UpdateResult upsert(Query query, UpdateDefinition update, Class<?> entityClass) {
						throw new IllegalStateException("stopped");
					}
				}, Clock.systemUTC());
		assertThatThrownBy(() -> stopsBeforeItsLedgerEntry.debit(this.acme, 3, "debit:exec-1:0", "SMS", "exec-1"))
			.hasMessage("stopped");

		// An earlier build's guard: the key among the unsettled operations.
		assertThat(unsettled()).containsExactly("debit:exec-1:0");
		assertThat(this.credits.debit(this.acme, 3, "debit:exec-1:0", "SMS", "exec-1")).isTrue();
		assertThat(this.credits.balance(this.acme)).isEqualTo(497);
		assertThat(unsettled()).isEmpty();
		assertThat(pending()).isEmpty();
	}

	@Test
	void twoInstancesSweepingAtOnceGiveAnAbandonedDebitBackOnce() {
		interruptedBeforeItsLedgerEntry("direct:old", -2, Instant.now().minus(Duration.ofMinutes(11)), true);
		Interleaving template = new Interleaving(this.mongo);
		CreditService slowSweeper = new CreditService(template, Clock.systemUTC());
		// The other instance's sweep runs after this one read the pending operations.
		template.between = this.credits::endAbandoned;

		slowSweeper.endAbandoned();

		assertThat(template.between).as("the other sweep ran in between").isNull();
		assertThat(this.credits.balance(this.acme)).isEqualTo(500);
		assertThat(pending()).isEmpty();
	}

	/**
	 * Runs {@code between} once, right after this service's first read of credit state (the
	 * account's pending operations, or a ledger entry): what another worker or instance could do
	 * at that moment.
	 */
	static class Interleaving extends MongoTemplate {

		Runnable between;

		Interleaving(MongoTemplate real) {
			super(real.getMongoDatabaseFactory(), real.getConverter());
		}

		@Override
		public <T> T findById(Object id, Class<T> entityClass) {
			return runBetween(super.findById(id, entityClass), entityClass == CreditLedgerEntry.class);
		}

		@Override
		public <T> T findOne(Query query, Class<T> entityClass, String collectionName) {
			return runBetween(super.findOne(query, entityClass, collectionName), "accounts".equals(collectionName));
		}

		@Override
		public <T> List<T> find(Query query, Class<T> entityClass, String collectionName) {
			return runBetween(super.find(query, entityClass, collectionName), "accounts".equals(collectionName));
		}

		private <R> R runBetween(R read, boolean creditState) {
			if (creditState && this.between != null) {
				Runnable other = this.between;
				this.between = null;
				other.run();
			}
			return read;
		}

	}

	@Test
	void operationKeysThatReadAsPathsAreRefused() {
		assertThatThrownBy(() -> this.credits.debit(this.acme, 1, "debit:a.b:0", "SMS", "x"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.credits.debit(this.acme, 1, "$where", "SMS", "x"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(this.credits.balance(this.acme)).isEqualTo(500);
	}

	@Test
	void aKeyLeftUnsettledAfterItsLedgerEntryIsClearedByTheRetry() {
		this.credits.debit(this.acme, 3, "debit:exec-1:0", "SMS", "exec-1");
		// A crash after the ledger entry, before the key was cleared.
		leavePending("debit:exec-1:0", -3, Instant.now(), false);

		assertThat(this.credits.debit(this.acme, 3, "debit:exec-1:0", "SMS", "exec-1")).isTrue();

		assertThat(this.credits.balance(this.acme)).isEqualTo(497);
		assertThat(pending()).isEmpty();
		assertThat(count("creditLedger")).isEqualTo(1);
	}

	@Test
	void theAccountKeepsNoKeysOfSettledOperations() {
		for (int i = 0; i < 40; i++) {
			this.credits.debit(this.acme, 1, "debit:exec-" + i + ":0", "SMS", "exec-" + i);
		}

		assertThat(unsettled()).isEmpty();
		assertThat(this.credits.debit(this.acme, 1, "debit:exec-0:0", "SMS", "exec-0")).isTrue();
		assertThat(this.credits.balance(this.acme)).isEqualTo(460);
	}

	@Test
	void keysKeptByEarlierBuildsAreSettledOrCarriedOverOnStart() {
		this.credits.debit(this.acme, 2, "debit:settled:0", "SMS", "settled");
		// An earlier build's history: one key with its ledger entry, one whose entry a crash prevented.
		this.mongo.updateFirst(byId(), new Update().inc("credits", -5)
			.set(CreditService.LEGACY_OPERATIONS, List.of("debit:settled:0", "debit:interrupted:0")), Account.class);

		this.credits.afterPropertiesSet();

		Document account = this.mongo.findById(this.acme, Document.class, "accounts");
		assertThat(account).doesNotContainKey(CreditService.LEGACY_OPERATIONS);
		assertThat(unsettled()).containsExactly("debit:interrupted:0");
		assertThat(this.credits.debit(this.acme, 5, "debit:interrupted:0", "SMS", "interrupted")).isTrue();
		assertThat(this.credits.debit(this.acme, 2, "debit:settled:0", "SMS", "settled")).isTrue();
		assertThat(this.credits.balance(this.acme)).isEqualTo(493);
		assertThat(unsettled()).isEmpty();
		assertThat(count("creditLedger")).isEqualTo(2);
	}

	@Test
	void aKeyOnlyAnEarlierBuildKeptCountsBeforeItIsCarriedOver() {
		// A rolling upgrade: an earlier build paid and stopped before its ledger entry.
		this.mongo.updateFirst(byId(), new Update().inc("credits", -4)
			.set(CreditService.LEGACY_OPERATIONS, List.of("debit:old:0")), Account.class);

		assertThat(this.credits.debit(this.acme, 4, "debit:old:0", "SMS", "old")).isTrue();

		assertThat(this.credits.balance(this.acme)).isEqualTo(496);
		assertThat(count("creditLedger")).isEqualTo(1);
	}

	private Query byId() {
		return Query.query(Criteria.where("_id").is(this.acme));
	}

	/** What a stop between the balance update and the ledger entry leaves on the account. */
	private void interruptedBeforeItsLedgerEntry(String key, long delta, Instant at, boolean voidIfAbandoned) {
		this.mongo.updateFirst(byId(), new Update().inc("credits", delta), Account.class);
		leavePending(key, delta, at, voidIfAbandoned);
	}

	/** The balance after one payment, recorded in the ledger, with nothing left in flight. */
	private void assertSettledOnce(String key, long balance) {
		assertThat(this.credits.balance(this.acme)).isEqualTo(balance);
		assertThat(this.mongo.findById(key, CreditLedgerEntry.class).balanceAfter()).isEqualTo(balance);
		assertThat(pending()).isEmpty();
		assertThat(unsettled()).isEmpty();
	}

	private void leavePending(String key, long delta, Instant at, boolean voidIfAbandoned) {
		this.mongo.updateFirst(byId(), new Update().addToSet(CreditService.UNSETTLED, key)
			.set(CreditService.PENDING + "." + key, new Document("delta", delta).append("at", Date.from(at))
				.append("reason", "SMS to Olivia Nguyen")
				.append("reference", key)
				.append("voidIfAbandoned", voidIfAbandoned)),
				Account.class);
	}

	private Document pending() {
		return this.mongo.findById(this.acme, Document.class, "accounts").get(CreditService.PENDING, new Document());
	}

	private List<String> unsettled() {
		return this.mongo.findById(this.acme, Document.class, "accounts")
			.getList(CreditService.UNSETTLED, String.class, List.of());
	}

	private static boolean get(Future<Boolean> future) {
		try {
			return future.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
