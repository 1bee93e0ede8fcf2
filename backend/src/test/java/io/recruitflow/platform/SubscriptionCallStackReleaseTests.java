package io.recruitflow.platform;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.DataLoaderDispatchStrategy;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.dataloader.PerLevelDataLoaderDispatchStrategy;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscription whose events load a field through a DataLoader: graphql-java 25 keeps one call
 * stack per delivered event for as long as the subscription lives; with
 * {@link SubscriptionCallStackRelease} none outlives its event, and batch-loaded fields still
 * arrive (a dispatch strategy that lost track would leave them waiting forever).
 */
class SubscriptionCallStackReleaseTests {

	private static final int EVENTS = 200;

	@Test
	void eventsLeaveNoCallStacksBehindAndStillLoadTheirBatchedFields() throws Exception {
		Delivery delivery = subscribe(true);

		assertThat(delivery.results()).hasSize(EVENTS);
		for (int n = 1; n <= EVENTS; n++) {
			assertThat(delivery.results().get(n - 1).<Map<String, Object>>getData())
				.isEqualTo(Map.of("ticks", Map.of("n", n, "label", "tick " + n)));
		}
		assertThat(delivery.strategy()).isInstanceOf(SubscriptionCallStackRelease.ReleasingDispatchStrategy.class);
		// The last event's stack goes when its result completes, which may be just after it is delivered.
		long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
		while (heldCallStacks(delivery.strategy()) > 0 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(heldCallStacks(delivery.strategy())).isZero();
	}

	@Test
	void withoutItGraphqlJavaKeepsACallStackPerEvent() throws Exception {
		// The leak this works around; when graphql-java fixes it, this fails and the class can go.
		Delivery delivery = subscribe(false);

		assertThat(delivery.results()).hasSize(EVENTS);
		assertThat(delivery.strategy().getClass()).isEqualTo(PerLevelDataLoaderDispatchStrategy.class);
		assertThat(heldCallStacks(delivery.strategy())).isGreaterThanOrEqualTo(EVENTS);
	}

	record Delivery(List<ExecutionResult> results, DataLoaderDispatchStrategy strategy) {
	}

	private static Delivery subscribe(boolean release) throws Exception {
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
				type Query { ping: String }
				type Subscription { ticks: Tick }
				type Tick { n: Int, label: String }
				"""), RuntimeWiring.newRuntimeWiring()
			.type("Subscription", wiring -> wiring.dataFetcher("ticks",
					environment -> Flux.range(1, EVENTS).map(n -> Map.of("n", n)).concatWith(Flux.never())))
			.type("Tick", wiring -> wiring.dataFetcher("label", (DataFetcher<CompletableFuture<String>>) environment -> {
				Map<String, Object> tick = environment.getSource();
				return environment.<Integer, String>getDataLoader("labels").load((Integer) tick.get("n"));
			}))
			.build());
		AtomicReference<DataLoaderDispatchStrategy> strategy = new AtomicReference<>();
		Instrumentation observer = new Instrumentation() {
			@Override
			public InstrumentationContext<ExecutionResult> beginSubscribedFieldEvent(InstrumentationFieldParameters parameters,
					InstrumentationState state) {
				strategy.set(parameters.getExecutionContext().getDataLoaderDispatcherStrategy());
				return SimpleInstrumentationContext.noOp();
			}
		};
		List<Instrumentation> instrumentations = release ? List.of(new SubscriptionCallStackRelease(), observer)
				: List.of(observer);
		GraphQL graphQl = GraphQL.newGraphQL(schema).instrumentation(new ChainedInstrumentation(instrumentations)).build();
		DataLoaderRegistry loaders = new DataLoaderRegistry();
		loaders.register("labels", DataLoaderFactory.<Integer, String>newDataLoader(
				keys -> CompletableFuture.completedFuture(keys.stream().map(n -> "tick " + n).toList())));
		ExecutionResult subscribed = graphQl.execute(ExecutionInput.newExecutionInput()
			.query("subscription { ticks { n label } }")
			.dataLoaderRegistry(loaders)
			.build());
		assertThat(subscribed.getErrors()).isEmpty();
		Publisher<ExecutionResult> events = subscribed.getData();
		List<ExecutionResult> results = Flux.from(events).take(EVENTS).collectList().block(Duration.ofSeconds(20));
		return new Delivery(results, strategy.get());
	}

	private static int heldCallStacks(DataLoaderDispatchStrategy strategy) throws ReflectiveOperationException {
		Field map = PerLevelDataLoaderDispatchStrategy.class.getDeclaredField("alternativeCallContextMap");
		map.setAccessible(true);
		return ((Map<?, ?>) map.get(strategy)).size();
	}

}
