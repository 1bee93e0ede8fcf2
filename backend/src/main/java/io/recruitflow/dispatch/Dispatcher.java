package io.recruitflow.dispatch;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A fixed number of workers per instance (bounded concurrency), each claiming one due or
 * abandoned step at a time. Idle workers sleep until work is enqueued here; one of them looks
 * each poll interval, so due WAIT steps, other instances' work and expired leases are picked up
 * too (see {@link WorkSignal}).
 */
@Component
class Dispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final StepQueue queue;

	private final StepRunner runner;

	private final WorkSignal signal;

	private final DispatchProperties properties;

	/** Identifies this instance's claims; a restart is a new owner, so its old leases expire. */
	private final String instanceId = ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID().toString().substring(0, 8);

	private final List<Thread> workers = new ArrayList<>();

	private volatile boolean running;

	/** {@link System#nanoTime} after which a claim next looks for abandoned steps. */
	private final AtomicLong nextAbandonedLook = new AtomicLong();

	Dispatcher(StepQueue queue, StepRunner runner, WorkSignal signal, DispatchProperties properties) {
		this.queue = queue;
		this.runner = runner;
		this.signal = signal;
		this.properties = properties;
	}

	@Override
	public void start() {
		if (!this.properties.enabled()) {
			log.info("Step dispatch is disabled on this instance");
			return;
		}
		this.running = true;
		this.nextAbandonedLook.set(System.nanoTime());
		this.signal.resume();
		for (int i = 0; i < this.properties.workers(); i++) {
			String owner = this.instanceId + "#" + i;
			this.workers.add(Thread.ofPlatform().name("dispatch-" + i).daemon(true).start(() -> work(owner)));
		}
		log.info("Step dispatch started with {} workers ({})", this.properties.workers(), this.instanceId);
	}

	private void work(String owner) {
		// Why this claim is made: null when straight after a step, without waiting.
		WorkSignal.Wake woken = null;
		while (this.running) {
			try {
				Optional<StepExecution> step = claim(owner);
				if (step.isPresent()) {
					if (woken == null) {
						// Took a step some waiting worker may have been woken for: that wake-up is used up.
						// After ENQUEUED the wait already took it; taking another would strand a later step.
						this.signal.claimed();
					}
					else if (woken != WorkSignal.Wake.ENQUEUED) {
						this.signal.lookForMore();
					}
					woken = null;
					this.runner.run(step.get());
				}
				else {
					woken = this.signal.await(this.properties.pollInterval());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// The step stays claimed; its lease runs out and it is taken up again.
				if (this.running) {
					log.warn("A step failed unexpectedly; it will be retried when its lease ends", ex);
					sleepQuietly();
				}
			}
		}
	}

	/**
	 * A step abandoned by a dead worker, looked for first once per poll interval for the instance
	 * whatever woke this worker (under a steady load every claim finds due work, and an abandoned
	 * step must not wait for the backlog to clear) and again straight away while looks find some
	 * (a dead instance leaves several); otherwise the earliest due step.
	 */
	private Optional<StepExecution> claim(String owner) {
		long now = System.nanoTime();
		long next = this.nextAbandonedLook.get();
		if (now - next >= 0 && this.nextAbandonedLook.compareAndSet(next, now + this.properties.pollInterval().toNanos())) {
			Optional<StepExecution> abandoned = this.queue.claimAbandoned(owner, this.properties.lease());
			if (abandoned.isPresent()) {
				this.nextAbandonedLook.set(now);
				return abandoned;
			}
		}
		return this.queue.claimDue(owner, this.properties.lease());
	}

	private void sleepQuietly() {
		try {
			Thread.sleep(this.properties.pollInterval().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		this.running = false;
		this.signal.releaseAll();
		for (Thread worker : this.workers) {
			try {
				worker.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.workers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stop before the web server and the database client go away. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1000;
	}

}
