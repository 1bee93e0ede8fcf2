package io.recruitflow.sms;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.messagebird.MessageBirdServiceImpl;

/**
 * The SDK's service with connect and read timeouts. The SDK opens the connection and writes a
 * POST body inside {@code getConnection}, so timeouts cannot be set on its connection afterwards;
 * for GET and POST (all that SMS needs) this builds the same request itself with timeouts set
 * first: the same headers, and the body serialised like the SDK does (nulls left out).
 */
class TimeoutMessageBirdService extends MessageBirdServiceImpl {

	private final ObjectMapper json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

	private final int connectTimeoutMillis;

	private final int readTimeoutMillis;

	TimeoutMessageBirdService(String accessKey, String serviceUrl, Duration connectTimeout, Duration readTimeout) {
		super(accessKey, serviceUrl);
		this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
		this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
	}

	@Override
	public <P> HttpURLConnection getConnection(String serviceUrl, P body, String requestType,
			Map<String, String> headers) throws IOException {
		if (!"GET".equals(requestType) && !"POST".equals(requestType)) {
			return super.getConnection(serviceUrl, body, requestType, headers);
		}
		HttpURLConnection connection = (HttpURLConnection) URI.create(serviceUrl).toURL().openConnection();
		connection.setConnectTimeout(this.connectTimeoutMillis);
		connection.setReadTimeout(this.readTimeoutMillis);
		connection.setDoInput(true);
		connection.setUseCaches(false);
		connection.setRequestProperty("Accept", "application/json");
		connection.setRequestProperty("charset", "utf-8");
		connection.setRequestProperty("Connection", "close");
		connection.setRequestProperty("Authorization", "AccessKey " + getAccessKey());
		connection.setRequestProperty("User-agent", getUserAgentString());
		if (headers != null) {
			headers.forEach(connection::setRequestProperty);
		}
		connection.setRequestMethod(requestType);
		if ("POST".equals(requestType)) {
			connection.setDoOutput(true);
			connection.setRequestProperty("Content-Type", "application/json");
			byte[] payload = this.json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
			try (OutputStream out = connection.getOutputStream()) {
				out.write(payload);
			}
		}
		else {
			connection.setRequestProperty("Content-Type", "text/plain");
		}
		return connection;
	}

}
