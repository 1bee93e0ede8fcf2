package io.recruitflow.dispatch;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/**
 * Wakes idle workers when work is enqueued in this instance, so a trigger is acted on at once
 * rather than at the next poll, and paces the polls that find the rest (WAIT steps coming due,
 * other instances' work, expired leases).
 *
 * <p>Each enqueued step wakes one worker, not all of them: waking every idle worker for every step
 * made the others claim in vain — twelve empty claims per step in the trigger benchmark, a quarter
 * of the database commands. A wake-up not yet taken is kept (no step is missed when it arrives
 * between a worker's claim and its wait), and a worker that claims a step while busy takes one
 * too, so kept wake-ups stay about as many as unclaimed steps.
 *
 * <p>One poll per interval for the whole instance, not one per worker: with every idle worker
 * polling on its own, an idle app made 64 empty claims a second. A poll that finds work asks one
 * more worker to look, and each look that finds work asks one more, so a backlog that came due
 * at once is taken up by more and more workers.
 */
@Component
class WorkSignal {

	/** Why a waiting worker returned. */
	enum Wake {

		/** A step was enqueued here. */
		ENQUEUED,
		/** A colleague found unannounced work: there may be more. */
		LOOK,
		/** This worker's turn to look for unannounced work, or dispatch is stopping. */
		POLL

	}

	/** More kept wake-ups than this only cause empty claims. */
	private static final long MAX_KEPT = 256;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition workArrived = this.lock.newCondition();

	private long kept;

	private long looks;

	private long nextPollAt = System.nanoTime();

	/** Set when dispatch stops: every worker returns at once, also one that starts waiting later. */
	private boolean released;

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

	/** This worker found work nobody announced: one more idle worker looks too. */
	void lookForMore() {
		this.lock.lock();
		try {
			this.looks = Math.min(MAX_KEPT, this.looks + 1);
			this.workArrived.signal();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Dispatch is stopping: every worker returns from waiting, now and until {@link #resume()}. */
	void releaseAll() {
		this.lock.lock();
		try {
			this.released = true;
			this.workArrived.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Dispatch is starting (again): workers wait as usual. */
	void resume() {
		this.lock.lock();
		try {
			this.released = false;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Waits for a wake-up (taking a kept one at once), or until it is this instance's time to poll:
	 * of the workers waiting then, one returns and the rest wait for the next.
	 */
	Wake await(Duration pollInterval) throws InterruptedException {
		this.lock.lock();
		try {
			while (true) {
				if (this.released) {
					return Wake.POLL;
				}
				if (this.kept > 0) {
					this.kept--;
					return Wake.ENQUEUED;
				}
				if (this.looks > 0) {
					this.looks--;
					return Wake.LOOK;
				}
				long now = System.nanoTime();
				if (now - this.nextPollAt >= 0) {
					this.nextPollAt = now + pollInterval.toNanos();
					return Wake.POLL;
				}
				this.workArrived.awaitNanos(this.nextPollAt - now);
			}
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
