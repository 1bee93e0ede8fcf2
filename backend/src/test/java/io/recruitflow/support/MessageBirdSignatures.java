package io.recruitflow.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.UUID;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;

/** Signs webhook requests the way MessageBird does (MessageBird-Signature-JWT), for tests. */
public final class MessageBirdSignatures {

	private MessageBirdSignatures() {
	}

	public static String sign(String signingKey, String url, String body) {
		return sign(signingKey, url, body, Instant.now(), UUID.randomUUID().toString());
	}

	public static String sign(String signingKey, String url, String body, Instant issuedAt, String jwtId) {
		JWTCreator.Builder jwt = JWT.create()
			.withIssuer("MessageBird")
			.withJWTId(jwtId)
			.withNotBefore(Date.from(issuedAt.minusSeconds(1)))
			.withExpiresAt(Date.from(issuedAt.plusSeconds(300)))
			.withClaim("url_hash", sha256(url));
		if (body != null && !body.isEmpty()) {
			jwt.withClaim("payload_hash", sha256(body));
		}
		return jwt.sign(Algorithm.HMAC256(signingKey));
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
