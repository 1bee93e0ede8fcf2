package io.recruitflow.dispatch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/**
 * Wakes idle workers when work is enqueued in this instance, so a trigger is acted on at once
 * rather than at the next poll. Other instances find the work by polling.
 */
@Component
class WorkSignal {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition workArrived = this.lock.newCondition();

	private long generation;

	void wake() {
		this.lock.lock();
		try {
			this.generation++;
			this.workArrived.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Waits until woken or until {@code timeout}; returns early if woken since {@code seen}. */
	void await(long seen, Duration timeout) throws InterruptedException {
		this.lock.lock();
		try {
			if (this.generation == seen) {
				this.workArrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	long generation() {
		this.lock.lock();
		try {
			return this.generation;
		}
		finally {
			this.lock.unlock();
		}
	}

}
