package io.recruitflow.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.recruitflow.platform.Caller;
import io.recruitflow.platform.DomainException;
import io.recruitflow.platform.Text;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * API keys for integrators: created and revoked by account admins, shown once, stored as a hash,
 * and checked on every request so that a revoked key stops working at once.
 */
@Service
public class ApiKeyService {

	static final String SECRET_PREFIX = "rf_";

	static final int MAX_NAME_LENGTH = 80;

	/** Recording every use would write on every request; a minute's precision is enough to audit. */
	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	private final SecureRandom random = new SecureRandom();

	private final ApiKeyRepository apiKeys;

	private final UserRepository users;

	private final MongoTemplate mongo;

	private final AccountService accountService;

	private final Clock clock;

	ApiKeyService(ApiKeyRepository apiKeys, UserRepository users, MongoTemplate mongo, AccountService accountService,
			Clock clock) {
		this.apiKeys = apiKeys;
		this.users = users;
		this.mongo = mongo;
		this.accountService = accountService;
		this.clock = clock;
	}

	public List<ApiKeyView> list(Caller caller) {
		requireAdminUser(caller);
		Map<String, UserView> users = this.accountService.usersById(caller);
		return this.apiKeys.findByAccountIdOrderByCreatedAtDesc(caller.accountId())
			.stream()
			.map(key -> ApiKeyView.of(key, users.get(key.createdByUserId())))
			.toList();
	}

	public CreatedApiKey create(Caller caller, String name) {
		requireAdminUser(caller);
		String trimmed = name == null ? "" : name.strip();
		if (Text.isBlank(trimmed) || trimmed.length() > MAX_NAME_LENGTH) {
			throw new DomainException.BadRequest(
					"The API key name must be 1 to " + MAX_NAME_LENGTH + " characters, e.g. 'Workday integration'.");
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ApiKey key = this.apiKeys.insert(new ApiKey(null, caller.accountId(), trimmed,
				secret.substring(0, SECRET_PREFIX.length() + 6), hash(secret), caller.userId(), this.clock.instant(),
				null, null));
		return new CreatedApiKey(ApiKeyView.of(key, this.accountService.usersById(caller).get(caller.userId())),
				secret);
	}

	public ApiKeyView revoke(Caller caller, String id) {
		requireAdminUser(caller);
		ApiKey key = this.apiKeys.findByIdAndAccountId(id, caller.accountId())
			.orElseThrow(() -> new DomainException.NotFound("API key", id));
		if (key.active()) {
			this.mongo.updateFirst(
					Query.query(Criteria.where("_id").is(key.id()).and("revokedAt").isNull()),
					Update.update("revokedAt", this.clock.instant()), ApiKey.class);
			key = this.apiKeys.findById(key.id()).orElseThrow();
		}
		return ApiKeyView.of(key, this.accountService.usersById(caller).get(key.createdByUserId()));
	}

	/**
	 * The caller a presented secret stands for, if it is an active key whose creator still exists.
	 */
	public Optional<Caller> authenticate(String secret) {
		if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
			return Optional.empty();
		}
		return this.apiKeys.findBySecretHash(hash(secret)).filter(ApiKey::active).flatMap(key -> {
			recordUse(key);
			return this.users.findById(key.createdByUserId())
				.filter(user -> user.accountId().equals(key.accountId()))
				.map(user -> new Caller(key.accountId(), user.id(), user.isAdmin(), key.id()));
		});
	}

	public static boolean looksLikeApiKey(String credential) {
		return credential != null && credential.startsWith(SECRET_PREFIX);
	}

	private void recordUse(ApiKey key) {
		Instant now = this.clock.instant();
		if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(key.id())), Update.update("lastUsedAt", now),
					ApiKey.class);
		}
	}

	private static void requireAdminUser(Caller caller) {
		if (caller.viaApiKey()) {
			throw new DomainException.Forbidden("API keys cannot manage API keys; sign in as an account admin.");
		}
		if (!caller.admin()) {
			throw new DomainException.Forbidden("Only account admins can manage API keys.");
		}
	}

	static String hash(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
		}
	}

}
