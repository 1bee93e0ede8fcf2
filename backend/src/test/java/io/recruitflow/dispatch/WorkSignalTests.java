package io.recruitflow.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** How idle workers wait: woken one per enqueued step, one poll per interval for them all. */
class WorkSignalTests {

	private static final Duration NEVER = Duration.ofHours(1);

	private final WorkSignal signal = new WorkSignal();

	private final List<Thread> workers = new ArrayList<>();

	private final ConcurrentLinkedQueue<WorkSignal.Wake> wakes = new ConcurrentLinkedQueue<>();

	@AfterEach
	void stopWorkers() throws InterruptedException {
		for (Thread worker : this.workers) {
			worker.interrupt();
			worker.join(2000);
		}
	}

	@Test
	void aWakeUpGivenBeforeAnyoneWaitsIsKeptAndTakenAtOnce() throws InterruptedException {
		this.signal.await(NEVER);
		this.signal.wake();

		assertThat(this.signal.await(NEVER)).isEqualTo(WorkSignal.Wake.ENQUEUED);
	}

	@Test
	void eachEnqueuedStepWakesOneWaitingWorker() throws InterruptedException {
		this.signal.await(NEVER);
		startWaiting(4, NEVER);

		this.signal.wake();
		await().atMost(Duration.ofSeconds(2)).until(() -> this.wakes.size() == 1);
		Thread.sleep(200);
		assertThat(this.wakes).containsExactly(WorkSignal.Wake.ENQUEUED);

		this.signal.wake(2);
		await().atMost(Duration.ofSeconds(2)).until(() -> this.wakes.size() == 3);
		Thread.sleep(200);
		assertThat(this.wakes).hasSize(3).containsOnly(WorkSignal.Wake.ENQUEUED);
	}

	@Test
	void workFoundByLookingWakesOneMoreToLook() throws InterruptedException {
		this.signal.await(NEVER);
		startWaiting(3, NEVER);

		this.signal.lookForMore();

		await().atMost(Duration.ofSeconds(2)).until(() -> this.wakes.size() == 1);
		Thread.sleep(200);
		assertThat(this.wakes).containsExactly(WorkSignal.Wake.LOOK);
	}

	@Test
	void manyIdleWorkersPollOncePerIntervalBetweenThem() throws InterruptedException {
		AtomicInteger polls = new AtomicInteger();
		CountDownLatch stop = new CountDownLatch(1);
		for (int i = 0; i < 8; i++) {
			this.workers.add(Thread.ofPlatform().daemon(true).start(() -> {
				try {
					while (stop.getCount() > 0) {
						if (this.signal.await(Duration.ofMillis(100)) == WorkSignal.Wake.POLL) {
							polls.incrementAndGet();
						}
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
		}
		Thread.sleep(1000);
		stop.countDown();

		// Eight workers polling each on their own would make about 80 polls in a second.
		assertThat(polls.get()).isBetween(3, 16);
	}

	@Test
	void releasingReturnsEveryWaitingWorkerAndAnyThatWaitsLater() throws InterruptedException {
		this.signal.await(NEVER);
		startWaiting(5, NEVER);
		Thread.sleep(200);

		this.signal.releaseAll();

		await().atMost(Duration.ofSeconds(2)).until(() -> this.wakes.size() == 5);
		// A worker still busy with a step when dispatch stopped must not wait for a poll turn.
		assertThat(this.signal.await(NEVER)).isEqualTo(WorkSignal.Wake.POLL);
		this.signal.resume();
		this.signal.wake();
		assertThat(this.signal.await(NEVER)).isEqualTo(WorkSignal.Wake.ENQUEUED);
	}

	private void startWaiting(int count, Duration pollInterval) {
		CountDownLatch started = new CountDownLatch(count);
		for (int i = 0; i < count; i++) {
			this.workers.add(Thread.ofPlatform().daemon(true).start(() -> {
				started.countDown();
				try {
					this.wakes.add(this.signal.await(pollInterval));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
		}
		try {
			started.await(2, TimeUnit.SECONDS);
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
