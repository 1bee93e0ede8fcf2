package io.recruitflow.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitflow.sms.SmsGateway.OutboundSms;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The MessageBird adapter through the real SDK, against a local HTTP stub. */
class MessageBirdGatewayTests {

	private static final String ACCEPTED = """
			{"id":"e8077d803532c0b5937c639b60216938","href":"https://rest.messagebird.com/messages/e8077d80",
			 "direction":"mt","type":"sms","originator":"+61480000001","body":"Hi Olivia","reference":"exec-1",
			 "datacoding":"auto","mclass":1,"createdDatetime":"2026-11-28T04:00:00+00:00",
			 "recipients":{"totalCount":1,"totalSentCount":1,"totalDeliveredCount":0,"totalDeliveryFailedCount":0,
			   "items":[{"recipient":61412345678,"status":"sent","statusDatetime":"2026-11-28T04:00:00+00:00"}]}}""";

	private final ObjectMapper json = new ObjectMapper();

	private MockWebServer stub;

	private MessageBirdGateway gateway;

	@BeforeEach
	void start() throws Exception {
		this.stub = new MockWebServer();
		this.stub.start();
		this.gateway = gateway(Duration.ofSeconds(2));
	}

	@AfterEach
	void stop() {
		this.stub.close();
	}

	@Test
	void postsTheMessageWithEverythingMessageBirdNeeds() throws Exception {
		this.stub.enqueue(new MockResponse.Builder().code(201).body(ACCEPTED).build());

		var receipt = this.gateway.send(new OutboundSms("+61480000001", "+61412345678", "Hi Olivia 😀", "exec-1"));

		assertThat(receipt.providerMessageId()).isEqualTo("e8077d803532c0b5937c639b60216938");
		RecordedRequest request = this.stub.takeRequest(1, TimeUnit.SECONDS);
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/messages");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("AccessKey test_key");
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
		JsonNode body = this.json.readTree(request.getBody().utf8());
		assertThat(body.get("originator").asText()).isEqualTo("+61480000001");
		assertThat(body.get("recipients").asText()).isEqualTo("61412345678");
		assertThat(body.get("body").asText()).isEqualTo("Hi Olivia 😀");
		assertThat(body.get("reference").asText()).isEqualTo("exec-1");
		assertThat(body.get("reportUrl").asText()).isEqualTo("https://app.example.test/webhooks/messagebird/status");
		assertThat(body.get("datacoding").asText()).isEqualTo("auto");
	}

	@Test
	void aProviderErrorIsRetryable() {
		this.stub.enqueue(new MockResponse.Builder().code(500)
			.body("{\"errors\":[{\"code\":99,\"description\":\"Internal error\",\"parameter\":null}]}")
			.build());

		assertThatExceptionOfType(SmsSendException.class).isThrownBy(() -> this.gateway.send(sms()))
			.satisfies(ex -> {
				assertThat(ex.retryable()).isTrue();
				assertThat(ex.getMessage()).contains("HTTP 500");
			});
	}

	@Test
	void aRefusalIsFinalAndCarriesTheProvidersText() {
		this.stub.enqueue(new MockResponse.Builder().code(422)
			.body("{\"errors\":[{\"code\":25,\"description\":\"Not enough balance\",\"parameter\":null}]}")
			.build());

		assertThatExceptionOfType(SmsSendException.class).isThrownBy(() -> this.gateway.send(sms()))
			.satisfies(ex -> {
				assertThat(ex.retryable()).isFalse();
				assertThat(ex.providerCode()).isEqualTo(25);
				assertThat(ex.getMessage()).contains("Not enough balance");
			});
	}

	@Test
	void aProviderThatDoesNotAnswerTimesOutInsteadOfHanging() throws Exception {
		this.gateway = gateway(Duration.ofMillis(300));
		this.stub.enqueue(new MockResponse.Builder().code(201).body(ACCEPTED).headersDelay(5, TimeUnit.SECONDS).build());

		long started = System.nanoTime();
		assertThatExceptionOfType(SmsSendException.class).isThrownBy(() -> this.gateway.send(sms()))
			.satisfies(ex -> {
				assertThat(ex.retryable()).isTrue();
				assertThat(ex.getMessage()).startsWith("MessageBird did not answer in time");
			});
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
	}

	@Test
	void aDroppedConnectionIsRetryable() {
		this.stub.enqueue(new MockResponse.Builder().onRequestStart(SocketEffect.ShutdownConnection.INSTANCE).build());

		assertThatExceptionOfType(SmsSendException.class).isThrownBy(() -> this.gateway.send(sms()))
			.satisfies(ex -> assertThat(ex.retryable()).isTrue());
	}

	@Test
	void findsASentMessageByItsReference() throws Exception {
		this.stub.enqueue(new MockResponse.Builder().code(200)
			.body("{\"offset\":0,\"limit\":50,\"count\":1,\"totalCount\":1,\"items\":[" + ACCEPTED + "]}")
			.build());

		var found = this.gateway.findSent("exec-1", "+61412345678", Instant.parse("2026-11-28T03:55:00Z"));

		assertThat(found).hasValueSatisfying(
				receipt -> assertThat(receipt.providerMessageId()).isEqualTo("e8077d803532c0b5937c639b60216938"));
		RecordedRequest request = this.stub.takeRequest(1, TimeUnit.SECONDS);
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/messages");
		assertThat(request.getUrl().queryParameter("recipient")).isEqualTo("61412345678");
	}

	@Test
	void aMessageWithAnotherReferenceIsNotTakenForOurs() throws Exception {
		this.stub.enqueue(new MockResponse.Builder().code(200)
			.body("{\"offset\":0,\"limit\":50,\"count\":1,\"totalCount\":1,\"items\":[" + ACCEPTED + "]}")
			.build());

		assertThat(this.gateway.findSent("exec-2", "+61412345678", Instant.parse("2026-11-28T03:55:00Z"))).isEmpty();
	}

	private MessageBirdGateway gateway(Duration readTimeout) {
		String baseUrl = this.stub.url("/").toString();
		return new MessageBirdGateway(new SmsProperties("test_key", baseUrl, Duration.ofSeconds(1), readTimeout, null),
				"https://app.example.test/webhooks/messagebird/status");
	}

	private static OutboundSms sms() {
		return new OutboundSms("+61480000001", "+61412345678", "Hi", "exec-1");
	}

}
