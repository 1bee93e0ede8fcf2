package io.recruitflow.security;

import java.time.Duration;

import io.recruitflow.support.GraphQlSocket;
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
		try (GraphQlSocket socket = GraphQlSocket.authenticated(this.port, login("jane@acme.test"))) {
			socket.subscribe("1", "{ me { email } account { name } }");

			assertThat(socket.next(Duration.ofSeconds(10))).contains("\"next\"").contains("jane@acme.test").contains("Acme Talent");
			assertThat(socket.next(Duration.ofSeconds(10))).contains("\"complete\"");
		}
	}

	@Test
	void withoutATokenTheSocketIsClosedWith4401() throws Exception {
		GraphQlSocket socket = GraphQlSocket.connect(this.port);
		socket.send("{\"type\":\"connection_init\",\"payload\":{}}");

		assertThat(socket.closeCode()).isEqualTo(4401);
	}

	@Test
	void withABadTokenTheSocketIsClosedWith4401() throws Exception {
		GraphQlSocket socket = GraphQlSocket.connect(this.port);
		socket.send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer forged.token.value\"}}");

		assertThat(socket.closeCode()).isEqualTo(4401);
	}

	@Test
	void subscribingBeforeConnectionInitIsClosedWith4401() throws Exception {
		GraphQlSocket socket = GraphQlSocket.connect(this.port);
		socket.subscribe("1", "{ me { email } }");

		assertThat(socket.closeCode()).isEqualTo(4401);
	}

}
