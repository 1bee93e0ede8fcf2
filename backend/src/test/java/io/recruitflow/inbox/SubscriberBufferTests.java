package io.recruitflow.inbox;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each live subscriber's buffer: a subscriber slower than the events keeps them all, in order, up to
 * {@link LiveEvents#SUBSCRIBER_BUFFER} behind; past that it is cut off (it gets what was buffered, then an
 * overflow error) without holding up the source or the others.
 */
class SubscriberBufferTests {

	private final Sinks.Many<Integer> events = Sinks.many().multicast().directBestEffort();

	@Test
	void aSubscriberThatHasNotAskedYetGetsEveryEventInOrderOnceItDoes() {
		StepVerifier.create(LiveEvents.buffered(this.events.asFlux()), 0)
			.then(() -> publish(LiveEvents.SUBSCRIBER_BUFFER))
			.thenRequest(LiveEvents.SUBSCRIBER_BUFFER)
			.expectNextSequence(IntStream.range(0, LiveEvents.SUBSCRIBER_BUFFER).boxed().toList())
			.then(() -> publish(1))
			.thenRequest(1)
			.expectNext(0)
			.thenCancel()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void aSubscriberTooFarBehindIsCutOffAndTheOthersStillGetEverything() {
		var fast = LiveEvents.buffered(this.events.asFlux()).collectList();
		StepVerifier.create(fast)
			.then(() -> StepVerifier.create(LiveEvents.buffered(this.events.asFlux()), 0)
				.then(() -> publish(LiveEvents.SUBSCRIBER_BUFFER + 1))
				.thenRequest(Long.MAX_VALUE)
				.expectNextCount(LiveEvents.SUBSCRIBER_BUFFER)
				.expectErrorSatisfies(error -> assertThat(Exceptions.isOverflow(error)).isTrue())
				.verify(Duration.ofSeconds(10)))
			.then(this.events::tryEmitComplete)
			.assertNext(all -> assertThat(all).hasSize(LiveEvents.SUBSCRIBER_BUFFER + 1))
			.verifyComplete();
	}

	@Test
	void eventsDeliveredFreeTheirPlace() {
		StepVerifier.create(LiveEvents.buffered(this.events.asFlux()), 0)
			.then(() -> publish(LiveEvents.SUBSCRIBER_BUFFER))
			.thenRequest(LiveEvents.SUBSCRIBER_BUFFER)
			.expectNextCount(LiveEvents.SUBSCRIBER_BUFFER)
			.then(() -> publish(LiveEvents.SUBSCRIBER_BUFFER))
			.thenRequest(LiveEvents.SUBSCRIBER_BUFFER)
			.expectNextCount(LiveEvents.SUBSCRIBER_BUFFER)
			.thenCancel()
			.verify(Duration.ofSeconds(10));
	}

	private void publish(int count) {
		for (int event = 0; event < count; event++) {
			assertThat(this.events.tryEmitNext(event)).isEqualTo(Sinks.EmitResult.OK);
		}
	}

}
