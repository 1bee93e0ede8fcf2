package io.recruitflow.inbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.support.GraphQlWebSocketMessage;
import org.springframework.graphql.server.support.GraphQlWebSocketMessageType;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.cors.CorsConfiguration;

/**
 * The WebSocket endpoint, as Spring Boot would configure it, except that a subscription event
 * shared by many sockets is written to JSON once. Spring encodes each socket's message on its own,
 * so with {@link SharedSubscriptions} handing one result to every member, a reply heard by 100
 * recruiters was still serialised 100 times: a tenth of the app's allocation in the live-inbox
 * benchmark, all of it on the way to the sockets.
 */
@Configuration(proxyBeanMethods = false)
class LiveMessageEncoding {

	@Bean
	GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties,
			GraphQlCorsProperties cors, JsonMapper json) {
		HttpMessageConverter<Object> converter = new EncodedOncePayloads(new JacksonJsonHttpMessageConverter(json), json);
		CorsConfiguration corsConfiguration = cors.toCorsConfiguration();
		GraphQlProperties.Websocket websocket = properties.getWebsocket();
		return corsConfiguration != null
				? new GraphQlWebSocketHandler(handler, converter, websocket.getConnectionInitTimeout(),
						websocket.getKeepAlive(), corsConfiguration)
				: new GraphQlWebSocketHandler(handler, converter, websocket.getConnectionInitTimeout(),
						websocket.getKeepAlive());
	}

	/**
	 * Writes {@code next} messages around the payload's JSON, kept for the payloads seen last by
	 * identity: members of one shared execution are handed the very same map, and nothing changes a
	 * result once rendered. Every other message, and every read, goes to Spring's JSON converter.
	 */
	static final class EncodedOncePayloads implements HttpMessageConverter<Object> {

		/** Enough for the executions of a few accounts being delivered at one moment. */
		private static final int REMEMBERED = 64;

		private static final byte[] ID = "{\"id\":".getBytes(StandardCharsets.UTF_8);

		private static final byte[] NEXT_PAYLOAD = ",\"type\":\"next\",\"payload\":".getBytes(StandardCharsets.UTF_8);

		private record Encoded(Object payload, byte[] json) {
		}

		private final HttpMessageConverter<Object> json;

		private final JsonMapper mapper;

		private final AtomicReferenceArray<Encoded> recent = new AtomicReferenceArray<>(REMEMBERED);

		EncodedOncePayloads(HttpMessageConverter<Object> json, JsonMapper mapper) {
			this.json = json;
			this.mapper = mapper;
		}

		@Override
		public boolean canRead(Class<?> type, MediaType mediaType) {
			return this.json.canRead(type, mediaType);
		}

		@Override
		public boolean canWrite(Class<?> type, MediaType mediaType) {
			return this.json.canWrite(type, mediaType);
		}

		@Override
		public List<MediaType> getSupportedMediaTypes() {
			return this.json.getSupportedMediaTypes();
		}

		@Override
		public Object read(Class<?> type, HttpInputMessage input) throws IOException {
			return this.json.read(type, input);
		}

		@Override
		public void write(Object message, MediaType contentType, HttpOutputMessage output) throws IOException {
			if (message instanceof GraphQlWebSocketMessage next && next.resolvedType() == GraphQlWebSocketMessageType.NEXT
					&& next.getId() != null && next.getPayload() instanceof Map<?, ?> payload) {
				OutputStream body = output.getBody();
				body.write(ID);
				body.write(this.mapper.writeValueAsBytes(next.getId()));
				body.write(NEXT_PAYLOAD);
				body.write(payloadJson(payload));
				body.write('}');
				return;
			}
			this.json.write(message, contentType, output);
		}

		byte[] payloadJson(Object payload) {
			int slot = System.identityHashCode(payload) & (REMEMBERED - 1);
			Encoded seen = this.recent.get(slot);
			if (seen != null && seen.payload() == payload) {
				return seen.json();
			}
			try {
				byte[] encoded = this.mapper.writeValueAsBytes(payload);
				this.recent.set(slot, new Encoded(payload, encoded));
				return encoded;
			}
			catch (RuntimeException ex) {
				throw new HttpMessageNotWritableException("Could not write the subscription event: " + ex.getMessage(), ex);
			}
		}

	}

}
