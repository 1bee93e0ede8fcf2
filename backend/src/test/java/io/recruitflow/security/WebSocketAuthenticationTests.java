package io.recruitflow.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.recruitflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The graphql-ws handshake as a browser does it, over a real WebSocket: the credential goes in
 * {@code connection_init}; without a valid one the server closes with 4401.
 */
class WebSocketAuthenticationTests extends IntegrationTest {

	@Test
	void aValidTokenIsAcknowledgedAndResolversSeeTheCaller() throws Exception {
		Socket socket = connect();
		socket.send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + login("jane@acme.test")
				+ "\"}}");
		assertThat(socket.next()).contains("\"connection_ack\"");

		socket.send("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ me { email } account { name } }\"}}");

		assertThat(socket.next()).contains("\"next\"").contains("jane@acme.test").contains("Acme Talent");
		assertThat(socket.next()).contains("\"complete\"");
	}

	@Test
	void withoutATokenTheSocketIsClosedWith4401() throws Exception {
		Socket socket = connect();
		socket.send("{\"type\":\"connection_init\",\"payload\":{}}");

		assertThat(socket.closeCode()).isEqualTo(4401);
	}

	@Test
	void withABadTokenTheSocketIsClosedWith4401() throws Exception {
		Socket socket = connect();
		socket.send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer forged.token.value\"}}");

		assertThat(socket.closeCode()).isEqualTo(4401);
	}

	@Test
	void subscribingBeforeConnectionInitIsClosedWith4401() throws Exception {
		Socket socket = connect();
		socket.send("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ me { email } }\"}}");

		assertThat(socket.closeCode()).isEqualTo(4401);
	}

	private Socket connect() throws Exception {
		Socket socket = new Socket();
		HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(URI.create("ws://localhost:" + this.port + "/graphql"), socket)
			.get(10, TimeUnit.SECONDS);
		return socket;
	}

	static final class Socket implements WebSocket.Listener {

		private final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();

		private final CompletableFuture<Integer> closed = new CompletableFuture<>();

		private final StringBuilder partial = new StringBuilder();

		private WebSocket webSocket;

		@Override
		public void onOpen(WebSocket webSocket) {
			this.webSocket = webSocket;
			webSocket.request(Long.MAX_VALUE);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				this.messages.add(this.partial.toString());
				this.partial.setLength(0);
			}
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			this.closed.complete(statusCode);
			return null;
		}

		void send(String text) {
			this.webSocket.sendText(text, true).join();
		}

		String next() throws InterruptedException {
			String message = this.messages.poll(10, TimeUnit.SECONDS);
			assertThat(message).as("a message within 10 s").isNotNull();
			return message;
		}

		int closeCode() throws Exception {
			return this.closed.get(10, TimeUnit.SECONDS);
		}

	}

}
