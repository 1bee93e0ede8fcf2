package io.recruitflow.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fans live events out to the subscribers of every instance. When the database offers change
 * streams (a replica set, or the embedded server with its oplog), an event is a document inserted
 * into {@code liveEvents}: this instance hands its own events to its subscribers at once, and hears
 * the other instances' from the stream, which leaves out the events stamped with this instance's
 * origin — so nothing is delivered twice. Hearing its own events back from the stream cost every
 * event a round trip through the database and kept the watcher polling every few milliseconds
 * while events flowed. Without change streams (a standalone MongoDB) there can be only one
 * instance, and events go only to this instance's subscribers.
 */
@Component
class LiveEvents implements SmartLifecycle {

	enum Kind {

		INBOUND_MESSAGE, NOTIFICATION, MESSAGE_STATUS

	}

	/**
	 * An event carries what its subscribers are sent (the message, its conversation, the
	 * notification), so delivering it reads nothing: with loads on the delivery path, a busy
	 * database held every subscriber's events up behind one another. Only the ids are needed to
	 * publish; an event without its content (from an older instance) is loaded on delivery.
	 *
	 * @param userId set for NOTIFICATION: the only user who may see it
	 * @param origin the instance that published it (null from instances older than the field)
	 */
	@org.springframework.data.mongodb.core.mapping.Document("liveEvents")
	record LiveEvent(String id, Kind kind, String accountId, String userId, String messageId, String notificationId,
			Instant at, Document message, Document conversation, Document notification, String origin) {
	}

	/** How long events are kept for instances that are catching up; they are read within milliseconds. */
	private static final Duration RETENTION = Duration.ofMinutes(10);

	/** Shorter than this, a poll was answered at once rather than held open by the database. */
	private static final Duration HELD_POLL = Duration.ofMillis(5);

	/** The pause while events are flowing (one was heard in the last {@link #ACTIVE}). */
	private static final Duration BUSY_POLL = Duration.ofMillis(5);

	private static final Duration ACTIVE = Duration.ofSeconds(1);

	/** Events a subscriber may fall behind by before it is cut off (it reconnects and refetches). */
	static final int SUBSCRIBER_BUFFER = 10_000;

	private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

	private final MongoTemplate mongo;

	private final Clock clock;

	/**
	 * One sink per account: an event is handed only to its own account's subscribers. With one sink
	 * for all, every event went through every open subscription's buffer and filter, most of the
	 * live-events thread's time with 1,000 subscribers over 10 accounts.
	 */
	private final Map<String, Sinks.Many<LiveEvent>> sinks = new ConcurrentHashMap<>();

	private volatile boolean changeStreams;

	private volatile boolean running;

	private volatile MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor;

	private Thread watcher;

	/** Released to wake the watcher: on stopping. */
	private final Semaphore wake = new Semaphore(0);

	/** Stamped on the events this instance publishes; the stream it watches leaves them out. */
	private final String origin = UUID.randomUUID().toString();

	/**
	 * Hands this instance's events to its subscribers, one at a time and in the order published, off
	 * the publishing request: delivering an event to an account's subscribers takes milliseconds.
	 */
	private final ExecutorService localDelivery = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("live-events-local").daemon(true).factory());

	/**
	 * The pause after an empty poll when the database answers empty polls at once (the embedded
	 * server; a replica set holds them open instead) and no event of another instance was heard for
	 * a while. It bounds how late another instance's first event after a quiet spell is heard — and
	 * sets what an idle app spends polling (at 5 ms, 200 polls a second).
	 */
	private final Duration idlePoll;

	LiveEvents(MongoTemplate mongo, Clock clock, @Value("${recruitflow.live-events.idle-poll:50ms}") Duration idlePoll) {
		this.mongo = mongo;
		this.clock = clock;
		this.idlePoll = idlePoll;
	}

	LiveEvent inbound(SmsMessage message, Conversation conversation) {
		return new LiveEvent(new ObjectId().toHexString(), Kind.INBOUND_MESSAGE, message.accountId(), null, message.id(),
				null, this.clock.instant(), stored(message), stored(conversation), null, this.origin);
	}

	LiveEvent notification(Notification notification) {
		return new LiveEvent(new ObjectId().toHexString(), Kind.NOTIFICATION, notification.accountId(),
				notification.userId(), notification.messageId(), notification.id(), this.clock.instant(), null, null,
				stored(notification), this.origin);
	}

	void publishStatus(SmsMessage message) {
		publish(new LiveEvent(new ObjectId().toHexString(), Kind.MESSAGE_STATUS, message.accountId(), null, message.id(),
				null, this.clock.instant(), stored(message), null, null, this.origin));
	}

	/**
	 * The content travels as plain documents, as the collections store them: typed fields would make
	 * Spring Data declare the entities' (unique) indexes on liveEvents too.
	 */
	private Document stored(Object entity) {
		Document document = new Document();
		this.mongo.getConverter().write(entity, document);
		return document;
	}

	/** The event's content as the given type, or empty when it came without it. */
	<T> Optional<T> content(Document document, Class<T> type) {
		return document == null ? Optional.empty() : Optional.of(this.mongo.getConverter().read(type, document));
	}

	private void publish(LiveEvent event) {
		publish(List.of(event));
	}

	/**
	 * Stored for the other instances in one insert (one database command for a reply's message
	 * event and its notifications), then delivered here.
	 */
	void publish(List<LiveEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		if (this.changeStreams) {
			this.mongo.insertAll(events);
		}
		List<LiveEvent> ours = List.copyOf(events);
		try {
			this.localDelivery.execute(() -> ours.forEach(this::emit));
		}
		catch (RejectedExecutionException stopping) {
			// This instance is shutting down and its sockets with it; the events are stored for the others.
		}
	}

	/** The two delivering threads take turns rather than lose an event to a concurrent emit. */
	private void emit(LiveEvent event) {
		sink(event.accountId()).emitNext(event, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(200)));
	}

	private Sinks.Many<LiveEvent> sink(String accountId) {
		return this.sinks.computeIfAbsent(accountId, account -> Sinks.many().multicast().directBestEffort());
	}

	/**
	 * The account's events. Each subscriber gets its own buffer, so one slow WebSocket neither loses
	 * events nor holds up the others (the sink itself never waits).
	 */
	Flux<LiveEvent> events(String accountId) {
		return buffered(sink(accountId).asFlux());
	}

	/**
	 * The source with a buffer for a subscriber slower than it, cut off once {@link #SUBSCRIBER_BUFFER}
	 * events behind: it stops taking events, and the subscriber gets those buffered, then an overflow
	 * error (the SPA then reconnects and refetches). Reactor's own bounded buffer allocates its whole
	 * capacity at once, 64 KB for every subscriber: with 1,000 subscribers that was 64 MB of the
	 * 384 MB heap, kept for as long as they stayed connected. This one grows only with what is queued.
	 */
	static <T> Flux<T> buffered(Flux<T> source) {
		return Flux.defer(() -> {
			AtomicInteger queued = new AtomicInteger();
			return source.<T>handle((item, sink) -> {
				if (queued.incrementAndGet() > SUBSCRIBER_BUFFER) {
					sink.error(Exceptions.failWithOverflow("The subscriber fell " + SUBSCRIBER_BUFFER + " events behind"));
				}
				else {
					sink.next(item);
				}
			}).onBackpressureBuffer().doOnNext(delivered -> queued.decrementAndGet());
		});
	}

	boolean usesChangeStreams() {
		return this.changeStreams;
	}

	@Override
	public void start() {
		this.running = true;
		Optional<MongoChangeStreamCursor<ChangeStreamDocument<Document>>> opened = openCursor();
		if (opened.isEmpty()) {
			log.info("Live events: no change streams on this database, so events stay within this instance");
			return;
		}
		this.cursor = opened.get();
		this.changeStreams = true;
		this.watcher = Thread.ofPlatform().name("live-events").daemon(true).start(this::watch);
		log.info("Live events: shared between instances through a MongoDB change stream");
	}

	private Optional<MongoChangeStreamCursor<ChangeStreamDocument<Document>>> openCursor() {
		try {
			MongoCollection<Document> collection = this.mongo.getCollection("liveEvents");
			return Optional.of(collection
				.watch(List.of(Aggregates.match(Filters.and(Filters.eq("operationType", "insert"),
						Filters.ne("fullDocument.origin", this.origin)))))
				.maxAwaitTime(Duration.ofMillis(500).toMillis(), TimeUnit.MILLISECONDS)
				.cursor());
		}
		catch (RuntimeException unsupported) {
			return Optional.empty();
		}
	}

	private void watch() {
		long heardAt = System.nanoTime() - ACTIVE.toNanos();
		while (this.running) {
			try {
				long asked = System.nanoTime();
				ChangeStreamDocument<Document> change = this.cursor.tryNext();
				if (change != null && change.getFullDocument() != null) {
					heardAt = System.nanoTime();
					emit(decode(change.getFullDocument()));
				}
				else if (change == null && System.nanoTime() - asked < HELD_POLL.toNanos()) {
					// Polling the embedded server back to back would keep a core busy doing nothing.
					Duration pause = System.nanoTime() - heardAt < ACTIVE.toNanos() ? BUSY_POLL : this.idlePoll;
					this.wake.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					return;
				}
				log.warn("Live event stream interrupted ({}); reopening", ex.getMessage());
				reopen();
			}
		}
	}

	private void reopen() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		openCursor().ifPresent(opened -> this.cursor = opened);
	}

	private LiveEvent decode(Document document) {
		return this.mongo.getConverter().read(LiveEvent.class, document);
	}

	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void forgetOldEvents() {
		if (this.changeStreams) {
			this.mongo.remove(Query.query(Criteria.where("at").lt(this.clock.instant().minus(RETENTION))), LiveEvent.class);
		}
	}

	@Override
	public void stop() {
		this.running = false;
		this.wake.release();
		this.localDelivery.shutdown();
		var open = this.cursor;
		if (open != null) {
			try {
				open.close();
			}
			catch (RuntimeException ignored) {
				// Closing during shutdown; nothing left to deliver to.
			}
		}
		if (this.watcher != null) {
			try {
				this.watcher.join(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
