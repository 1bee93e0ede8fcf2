package io.recruitflow.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A graphql-ws client over a real WebSocket, speaking the protocol by hand, as a browser's
 * graphql-ws library does: for handshake and subscription tests.
 */
public final class GraphQlSocket implements WebSocket.Listener, AutoCloseable {

	private final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private final StringBuilder partial = new StringBuilder();

	private WebSocket webSocket;

	public static GraphQlSocket connect(int port) {
		GraphQlSocket socket = new GraphQlSocket();
		HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(URI.create("ws://localhost:" + port + "/graphql"), socket)
			.orTimeout(10, TimeUnit.SECONDS)
			.join();
		return socket;
	}

	/** Connects and completes the connection_init handshake with the credential. */
	public static GraphQlSocket authenticated(int port, String credential) throws InterruptedException {
		GraphQlSocket socket = connect(port);
		socket.send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + credential + "\"}}");
		String ack = socket.next(Duration.ofSeconds(10));
		if (ack == null || !ack.contains("connection_ack")) {
			throw new IllegalStateException("No connection_ack: " + ack);
		}
		return socket;
	}

	public void subscribe(String id, String query) {
		send("{\"id\":\"" + id + "\",\"type\":\"subscribe\",\"payload\":{\"query\":\"" + query.replace("\"", "\\\"")
				+ "\"}}");
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		this.webSocket = webSocket;
		webSocket.request(Long.MAX_VALUE);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			String message = this.partial.toString();
			this.partial.setLength(0);
			if (message.contains("\"type\":\"ping\"")) {
				send("{\"type\":\"pong\"}");
			}
			else {
				this.messages.add(message);
			}
		}
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closed.complete(statusCode);
		return null;
	}

	public void send(String text) {
		this.webSocket.sendText(text, true).join();
	}

	/** The next message, or null if none arrives in time. */
	public String next(Duration timeout) throws InterruptedException {
		return this.messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** The next message, or null as soon as the socket is closed (or when none arrives in time). */
	public String nextOrClosed(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			String message = this.messages.poll(20, TimeUnit.MILLISECONDS);
			if (message != null) {
				return message;
			}
			if (this.closed.isDone()) {
				return this.messages.poll();
			}
		}
		return null;
	}

	public int closeCode() throws Exception {
		return this.closed.get(10, TimeUnit.SECONDS);
	}

	@Override
	public void close() {
		if (this.webSocket != null && !this.webSocket.isOutputClosed()) {
			this.webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
		}
	}

}
