package io.recruitflow.platform;

import java.lang.reflect.Field;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.incremental.AlternativeCallContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.dataloader.PerLevelDataLoaderDispatchStrategy;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.language.OperationDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Works around a memory leak in graphql-java 25 and 26.0: a subscription's data-loader dispatch
 * strategy keeps a call stack for every event it delivered until the subscription ends
 * (graphql-java#4314, fixed for 26.1). A browser tab left open all day grew the heap without
 * bound, and the live-inbox benchmark (1,000 subscribers) filled it within minutes and stalled in
 * garbage collection.
 *
 * <p>Each subscription gets a {@link ReleasingDispatchStrategy} instead, which forgets an event's
 * call stack once that event's result is complete — the moment the fixed graphql-java releases it
 * too. The strategy is still graphql-java's (a subclass, so its own type checks hold); only the
 * forgetting reaches into its private map. Where that map is missing (another graphql-java
 * version) nothing is replaced. Remove this class when graphql-java ≥ 26.1 is in use.
 */
@Component
class SubscriptionCallStackRelease implements Instrumentation {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionCallStackRelease.class);

	/** graphql-java's map of call stacks per event; null when this version has none. */
	private static final Field CALL_STACKS = callStacksField();

	@Override
	public ExecutionStrategyInstrumentationContext beginExecutionStrategy(
			InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		// Before the subscription's source stream is created, so every event runs on the replacement.
		if (CALL_STACKS != null
				&& context.getOperationDefinition().getOperation() == OperationDefinition.Operation.SUBSCRIPTION
				&& context.getDataLoaderDispatcherStrategy().getClass() == PerLevelDataLoaderDispatchStrategy.class) {
			context.setDataLoaderDispatcherStrategy(new ReleasingDispatchStrategy(context));
		}
		return ExecutionStrategyInstrumentationContext.NOOP;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginSubscribedFieldEvent(InstrumentationFieldParameters parameters,
			InstrumentationState state) {
		if (!(parameters.getExecutionContext().getDataLoaderDispatcherStrategy() instanceof ReleasingDispatchStrategy strategy)) {
			return SimpleInstrumentationContext.noOp();
		}
		EventSlot slot = strategy.expectEvent();
		return SimpleInstrumentationContext.whenCompleted((result, failure) -> strategy.release(slot));
	}

	private static Field callStacksField() {
		try {
			Field field = PerLevelDataLoaderDispatchStrategy.class.getDeclaredField("alternativeCallContextMap");
			field.setAccessible(true);
			return Map.class.isAssignableFrom(field.getType()) ? field : null;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			log.info("graphql-java has no per-event call stacks to release ({}); subscriptions run unchanged", ex.toString());
			return null;
		}
	}

	/** The call context of one subscription event, known once graphql-java starts the event. */
	static final class EventSlot {

		private volatile AlternativeCallContext callContext;

	}

	/**
	 * graphql-java's per-level strategy that also forgets each event's call stack. graphql-java
	 * announces the event to the instrumentation and then, on the same thread, to the strategy, which
	 * is how the event's call context reaches the slot the instrumentation holds.
	 */
	static final class ReleasingDispatchStrategy extends PerLevelDataLoaderDispatchStrategy {

		private static final ThreadLocal<EventSlot> STARTING = new ThreadLocal<>();

		ReleasingDispatchStrategy(ExecutionContext executionContext) {
			super(executionContext);
		}

		EventSlot expectEvent() {
			EventSlot slot = new EventSlot();
			STARTING.set(slot);
			return slot;
		}

		@Override
		public void newSubscriptionExecution(AlternativeCallContext callContext) {
			super.newSubscriptionExecution(callContext);
			EventSlot slot = STARTING.get();
			if (slot != null) {
				STARTING.remove();
				slot.callContext = callContext;
			}
		}

		void release(EventSlot slot) {
			AlternativeCallContext callContext = slot.callContext;
			if (callContext != null) {
				callStacks().remove(callContext);
			}
		}

		/** Call stacks still held, for tests. */
		int heldCallStacks() {
			return callStacks().size();
		}

		@SuppressWarnings("unchecked")
		private Map<AlternativeCallContext, ?> callStacks() {
			try {
				return (Map<AlternativeCallContext, ?>) CALL_STACKS.get(this);
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
