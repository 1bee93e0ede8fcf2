package io.recruitflow.account;

public record CreatedApiKey(ApiKeyView apiKey, String secret) {
}
