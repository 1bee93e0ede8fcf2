package io.recruitflow.inbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.parser.Parser;
import io.recruitflow.platform.Caller;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.ContextView;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

/**
 * Runs each live subscription once for everyone entitled to the same results. Every open SPA holds
 * the same few subscriptions; executed one by one, each event cost a full GraphQL execution per
 * subscriber on the one thread that delivers live events, and at 100 replies a second to accounts
 * of 100 open tabs that thread could not keep up. Now a subscription whose document, operation and
 * variables match one already running for the same audience joins it: the event is executed once
 * and its result (rendered once) goes to every member.
 *
 * <p>The audience is the account and the caller's role, and, unless every root field is
 * account-wide ({@link #ACCOUNT_WIDE}), the caller themselves. So an account-wide stream is shared
 * by the account's users, a personal one (notifications) only by one user's tabs, and nothing is
 * ever shared across accounts. This holds only while what those subscriptions return depends on
 * nothing of the caller but the account: a field under them that answered differently per user
 * would have to come out of {@link #ACCOUNT_WIDE}.
 *
 * <p>Each member has its own buffer, as {@link LiveEvents} gives each subscriber, so a slow socket
 * neither holds up the others nor loses events (it is cut off once {@link LiveEvents#SUBSCRIBER_BUFFER}
 * behind). The shared execution stops when its last member leaves. Runs last among the
 * interceptors, so authentication and every other check have passed for each member.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class SharedSubscriptions implements WebGraphQlInterceptor {

	/** Root subscription fields whose events and results are the same for every user of an account. */
	static final Set<String> ACCOUNT_WIDE = Set.of("inboxMessageReceived", "messageStatusChanged");

	private final Map<Audience, Shared> running = new ConcurrentHashMap<>();

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest)) {
			return chain.next(request);
		}
		return Mono.deferContextual(context -> {
			Audience audience = audience(request, context);
			if (audience == null) {
				return chain.next(request);
			}
			Shared created = new Shared(audience);
			Shared first = this.running.putIfAbsent(audience, created);
			if (first != null) {
				// Subscribers of one account connect together: they wait for the first one's execution.
				return first.begun()
					.flatMap(begun -> begun ? Mono.just(respond(request, first.member(() -> ownStream(request, chain, context))))
							: chain.next(request));
			}
			return chain.next(request).map(response -> {
				if (!(response.getData() instanceof Publisher<?> publisher)) {
					created.abandon();
					return response;
				}
				created.begin(publisher);
				return respond(request, created.member(() -> ownStream(request, chain, context)));
			}).doOnError(error -> created.abandon()).doOnCancel(created::abandon);
		});
	}

	/** The executions running now and how many members each has: for tests and diagnosis. */
	Map<Audience, Integer> members() {
		Map<Audience, Integer> members = new LinkedHashMap<>();
		this.running.forEach((audience, shared) -> members.put(audience, shared.members()));
		return members;
	}

	/** Null when the request is not a subscription that can be shared, or its caller is unknown. */
	private static Audience audience(WebGraphQlRequest request, ContextView context) {
		Caller caller = context.<SecurityContext>getOrEmpty(SecurityContext.class.getName())
			.map(SecurityContext::getAuthentication)
			.map(authentication -> authentication.getPrincipal() instanceof Caller known ? known : null)
			.orElse(null);
		if (caller == null) {
			return null;
		}
		List<String> rootFields = subscriptionRootFields(request.getDocument(), request.getOperationName());
		if (rootFields == null) {
			return null;
		}
		boolean accountWide = ACCOUNT_WIDE.containsAll(rootFields);
		return new Audience(caller.accountId(), caller.admin(), accountWide ? null : caller.getName(),
				request.getDocument(), request.getOperationName(), copy(request.getVariables()),
				copy(request.getExtensions()));
	}

	/** Null values are valid variables, which Map.copyOf refuses. */
	private static Map<String, Object> copy(Map<String, Object> values) {
		return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	/**
	 * The root fields of the subscription the request runs, or null if it runs no subscription, does
	 * not parse, or selects its root through fragments (the execution itself reports any error).
	 */
	private static List<String> subscriptionRootFields(String document, String operationName) {
		Document parsed;
		try {
			parsed = Parser.parse(document);
		}
		catch (RuntimeException invalid) {
			return null;
		}
		List<OperationDefinition> operations = parsed.getDefinitionsOfType(OperationDefinition.class);
		OperationDefinition operation = operationName == null ? (operations.size() == 1 ? operations.getFirst() : null)
				: operations.stream().filter(candidate -> operationName.equals(candidate.getName())).findFirst().orElse(null);
		if (operation == null || operation.getOperation() != OperationDefinition.Operation.SUBSCRIPTION) {
			return null;
		}
		List<Selection> selections = operation.getSelectionSet().getSelections();
		if (selections.isEmpty() || !selections.stream().allMatch(Field.class::isInstance)) {
			return null;
		}
		return selections.stream().map(selection -> ((Field) selection).getName()).toList();
	}

	/** A member's own execution, for the rare member that arrives just as its shared one ends. */
	@SuppressWarnings("unchecked")
	private static Flux<ExecutionResult> ownStream(WebGraphQlRequest request, Chain chain, ContextView context) {
		return chain.next(request)
			.contextWrite(context)
			.flatMapMany(response -> response.getData() instanceof Publisher<?> publisher
					? Flux.from((Publisher<ExecutionResult>) publisher)
					: Flux.just(response.getExecutionResult()));
	}

	private static WebGraphQlResponse respond(WebGraphQlRequest request, Flux<ExecutionResult> events) {
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
				ExecutionResult.newExecutionResult().data(events).build()));
	}

	record Audience(String accountId, boolean admin, String person, String document, String operationName,
			Map<String, Object> variables, Map<String, Object> extensions) {
	}

	/** One running execution and the members it delivers to. */
	private final class Shared {

		private final Audience audience;

		/** Whether the first subscriber's execution began (true) or failed to (false). */
		private final Sinks.One<Boolean> begun = Sinks.one();

		/** Members without demand miss nothing: each has its own unbounded-demand buffer. */
		private final Sinks.Many<ExecutionResult> results = Sinks.many().multicast().directBestEffort();

		private Publisher<?> execution;

		private int members;

		private boolean started;

		private boolean ended;

		private Disposable upstream;

		Shared(Audience audience) {
			this.audience = audience;
		}

		Mono<Boolean> begun() {
			return this.begun.asMono();
		}

		void begin(Publisher<?> execution) {
			synchronized (this) {
				this.execution = execution;
			}
			this.begun.tryEmitValue(true);
		}

		/** The first subscriber got no subscription (an invalid request) or went away: the others run their own. */
		void abandon() {
			synchronized (this) {
				if (this.execution != null) {
					return;
				}
				this.ended = true;
			}
			SharedSubscriptions.this.running.remove(this.audience, this);
			this.begun.tryEmitValue(false);
		}

		/**
		 * The results for one more member, from the moment it subscribes. If this execution has
		 * ended by then, the member runs its own instead.
		 */
		Flux<ExecutionResult> member(Supplier<Flux<ExecutionResult>> ownExecution) {
			return Flux.defer(() -> {
				if (!join()) {
					return ownExecution.get();
				}
				Flux<ExecutionResult> results = LiveEvents.buffered(this.results.asFlux()).doFinally(signal -> leave());
				// Started once the member is among the sink's subscribers, so the first member misses nothing.
				return Flux.<ExecutionResult>from(subscriber -> {
					results.subscribe(subscriber);
					startOnce();
				});
			});
		}

		synchronized int members() {
			return this.members;
		}

		private synchronized boolean join() {
			if (this.ended) {
				return false;
			}
			this.members++;
			return true;
		}

		private void startOnce() {
			synchronized (this) {
				if (this.started || this.ended) {
					return;
				}
				this.started = true;
			}
			Disposable subscription = Flux.from(this.execution)
				.subscribe(result -> this.results.tryEmitNext(new RenderedOnce((ExecutionResult) result)),
						error -> end().tryEmitError(error), () -> end().tryEmitComplete());
			synchronized (this) {
				if (this.ended) {
					subscription.dispose();
				}
				else {
					this.upstream = subscription;
				}
			}
		}

		private void leave() {
			Disposable stop = null;
			synchronized (this) {
				if (--this.members == 0 && !this.ended) {
					this.ended = true;
					stop = this.upstream;
					SharedSubscriptions.this.running.remove(this.audience, this);
				}
			}
			if (stop != null) {
				stop.dispose();
			}
		}

		/** Marks the execution ended (no new members join it) before its end reaches the members. */
		private Sinks.Many<ExecutionResult> end() {
			synchronized (this) {
				this.ended = true;
			}
			SharedSubscriptions.this.running.remove(this.audience, this);
			return this.results;
		}

	}

	/** A result delivered to many members: its response map is built once, not once per member. */
	private static final class RenderedOnce implements ExecutionResult {

		private final ExecutionResult result;

		private volatile Map<String, Object> specification;

		RenderedOnce(ExecutionResult result) {
			this.result = Objects.requireNonNull(result);
		}

		@Override
		public List<GraphQLError> getErrors() {
			return this.result.getErrors();
		}

		@Override
		public <T> T getData() {
			return this.result.getData();
		}

		@Override
		public boolean isDataPresent() {
			return this.result.isDataPresent();
		}

		@Override
		public Map<Object, Object> getExtensions() {
			return this.result.getExtensions();
		}

		@Override
		public Map<String, Object> toSpecification() {
			Map<String, Object> rendered = this.specification;
			if (rendered == null) {
				// A new map each call; nobody writes to it once built, so members may read it at once.
				rendered = this.result.toSpecification();
				this.specification = rendered;
			}
			return rendered;
		}

	}

}
