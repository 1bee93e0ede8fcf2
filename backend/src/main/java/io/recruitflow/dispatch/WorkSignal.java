package io.recruitflow.dispatch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/**
 * Wakes idle workers when work is enqueued in this instance, so a trigger is acted on at once
 * rather than at the next poll. Other instances find the work by polling.
 *
 * <p>Each enqueued step wakes one worker, not all of them: waking every idle worker for every step
 * made the others claim in vain — twelve empty claims per step in the trigger benchmark, a quarter
 * of the database commands. A wake-up not yet taken is kept (no step is missed when it arrives
 * between a worker's claim and its wait), and a worker that claims a step while busy takes one
 * too, so kept wake-ups stay about as many as unclaimed steps.
 */
@Component
class WorkSignal {

	/** More kept wake-ups than this only cause empty claims. */
	private static final long MAX_KEPT = 256;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition workArrived = this.lock.newCondition();

	private long kept;

	/** One step was enqueued. */
	void wake() {
		wake(1);
	}

	/** {@code steps} steps were enqueued. */
	void wake(long steps) {
		this.lock.lock();
		try {
			this.kept = Math.min(MAX_KEPT, this.kept + steps);
			if (steps == 1) {
				this.workArrived.signal();
			}
			else {
				this.workArrived.signalAll();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Every waiting worker returns, e.g. to see that dispatch is stopping. */
	void wakeAll() {
		this.lock.lock();
		try {
			this.workArrived.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Waits for a wake-up (taking a kept one at once) or until {@code timeout}. */
	void await(Duration timeout) throws InterruptedException {
		this.lock.lock();
		try {
			if (this.kept == 0) {
				this.workArrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			claimed();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** A worker claimed a step without waiting: the wake-up for that step is used up. */
	void claimed() {
		this.lock.lock();
		try {
			this.kept = Math.max(0, this.kept - 1);
		}
		finally {
			this.lock.unlock();
		}
	}

}
