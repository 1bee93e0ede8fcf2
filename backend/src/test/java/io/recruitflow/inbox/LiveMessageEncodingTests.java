package io.recruitflow.inbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphqlErrorBuilder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.server.support.GraphQlWebSocketMessage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebSocket messages as sockets receive them: the same JSON Spring's converter writes, with a
 * shared subscription event's payload written once for all the sockets it goes to.
 */
class LiveMessageEncodingTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final JacksonJsonHttpMessageConverter spring = new JacksonJsonHttpMessageConverter(this.json);

	private final LiveMessageEncoding.EncodedOncePayloads encoding = new LiveMessageEncoding.EncodedOncePayloads(
			this.spring, this.json);

	@Test
	void aNextMessageReadsAsSpringWouldWriteIt() throws IOException {
		Map<String, Object> payload = payload("Yes, \"Tuesday\" works — thanks ✓");

		GraphQlWebSocketMessage next = GraphQlWebSocketMessage.next("sub-\"1\"", payload);

		assertThat(tree(written(this.encoding, next))).isEqualTo(tree(written(this.spring, next)));
		assertThat(tree(written(this.encoding, next)).at("/payload/data/inboxMessageReceived/message/body").asString())
			.isEqualTo("Yes, \"Tuesday\" works — thanks ✓");
	}

	@Test
	void theSamePayloadIsEncodedOnceForEverySocketItGoesTo() throws IOException {
		Map<String, Object> shared = payload("Once for all");

		byte[] first = this.encoding.payloadJson(shared);
		String toJane = written(this.encoding, GraphQlWebSocketMessage.next("jane", shared));
		String toSam = written(this.encoding, GraphQlWebSocketMessage.next("sam", shared));

		assertThat(this.encoding.payloadJson(shared)).isSameAs(first);
		assertThat(tree(toJane).get("id").asString()).isEqualTo("jane");
		assertThat(tree(toSam).get("id").asString()).isEqualTo("sam");
		assertThat(tree(toJane).get("payload")).isEqualTo(tree(toSam).get("payload")).isEqualTo(this.json.valueToTree(shared));
	}

	@Test
	void anEqualButSeparatePayloadIsEncodedAfresh() {
		Map<String, Object> first = payload("Same text");
		Map<String, Object> second = payload("Same text");

		assertThat(this.encoding.payloadJson(second)).isNotSameAs(this.encoding.payloadJson(first))
			.isEqualTo(this.encoding.payloadJson(first));
	}

	@Test
	void everyOtherMessageIsSpringsOwn() throws IOException {
		List<GraphQlWebSocketMessage> others = List.of(GraphQlWebSocketMessage.connectionAck(null),
				GraphQlWebSocketMessage.ping(null), GraphQlWebSocketMessage.complete("sub-1"),
				GraphQlWebSocketMessage.error("sub-1", List.of(GraphqlErrorBuilder.newError().message("Not allowed").build())));

		for (GraphQlWebSocketMessage message : others) {
			assertThat(written(this.encoding, message)).as(message.getType()).isEqualTo(written(this.spring, message));
		}
	}

	private static Map<String, Object> payload(String body) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("body", body);
		return Map.of("data", Map.of("inboxMessageReceived", Map.of("message", message)));
	}

	private JsonNode tree(String text) {
		return this.json.readTree(text);
	}

	private static String written(HttpMessageConverter<Object> converter,
			GraphQlWebSocketMessage message) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		converter.write(message, MediaType.APPLICATION_JSON, new HttpOutputMessage() {
			@Override
			public OutputStream getBody() {
				return body;
			}

			@Override
			public HttpHeaders getHeaders() {
				return new HttpHeaders();
			}
		});
		return body.toString(StandardCharsets.UTF_8);
	}

}
