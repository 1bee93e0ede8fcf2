package io.recruitflow.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.recruitflow.account.User;
import io.recruitflow.platform.RecruitFlowProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Issues and verifies HS256 session tokens. The key comes from RECRUITFLOW_JWT_SECRET (shared by
 * every instance in production); without it one is generated once into the data dir, so dev
 * sign-ins survive restarts.
 */
@Component
public class SessionTokens {

	private static final Logger log = LoggerFactory.getLogger(SessionTokens.class);

	private static final String ISSUER = "recruitflow";

	private final byte[] key;

	private final RecruitFlowProperties properties;

	private final Clock clock;

	SessionTokens(RecruitFlowProperties properties, Clock clock) throws IOException {
		this.properties = properties;
		this.clock = clock;
		this.key = loadKey(properties);
	}

	public record Issued(String token, Instant expiresAt) {
	}

	public record Claims(String userId, String accountId) {
	}

	public Issued issue(User user) {
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.properties.sessionTtl());
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(user.id())
			.claim("acc", user.accountId())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(expiresAt))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		try {
			jwt.sign(new MACSigner(this.key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign a session token", ex);
		}
		return new Issued(jwt.serialize(), expiresAt);
	}

	/** The claims of a token that is well-formed, signed with our key, ours, and not expired. */
	public Optional<Claims> verify(String token) {
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(this.key))) {
				return Optional.empty();
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			Date expires = claims.getExpirationTime();
			if (!ISSUER.equals(claims.getIssuer()) || expires == null
					|| !expires.toInstant().isAfter(this.clock.instant())) {
				return Optional.empty();
			}
			String accountId = claims.getStringClaim("acc");
			if (claims.getSubject() == null || accountId == null) {
				return Optional.empty();
			}
			return Optional.of(new Claims(claims.getSubject(), accountId));
		}
		catch (ParseException | JOSEException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static byte[] loadKey(RecruitFlowProperties properties) throws IOException {
		if (StringUtils.hasText(properties.jwtSecret())) {
			byte[] configured = Base64.getDecoder().decode(properties.jwtSecret().trim());
			if (configured.length < 32) {
				throw new IllegalStateException("RECRUITFLOW_JWT_SECRET must be at least 32 bytes, base64-encoded.");
			}
			return configured;
		}
		Path file = properties.dataDir().resolve("jwt-signing.key");
		if (Files.exists(file)) {
			return Base64.getDecoder().decode(Files.readString(file).trim());
		}
		byte[] generated = new byte[32];
		new SecureRandom().nextBytes(generated);
		Files.createDirectories(file.getParent());
		Files.writeString(file, Base64.getEncoder().encodeToString(generated));
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: the key stays readable only as the data dir allows.
		}
		log.info("Generated a session-signing key in {} (set RECRUITFLOW_JWT_SECRET in production)", file);
		return generated;
	}

}
