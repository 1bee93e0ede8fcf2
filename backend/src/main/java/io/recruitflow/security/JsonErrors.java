package io.recruitflow.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** Writes the {@code {"error": "…"}} bodies that the REST endpoints and the security layer answer with. */
@Component
class JsonErrors {

	private final JsonMapper json;

	JsonErrors(JsonMapper json) {
		this.json = json;
	}

	void write(HttpServletResponse response, int status, String message) throws IOException {
		write(response, status, Map.of("error", message));
	}

	void write(HttpServletResponse response, int status, Map<String, ?> body) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write(this.json.writeValueAsString(new LinkedHashMap<>(body)));
	}

}
