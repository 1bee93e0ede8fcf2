package io.recruitflow.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ApiKeyRepository extends MongoRepository<ApiKey, String> {

	Optional<ApiKey> findBySecretHash(String secretHash);

	Optional<ApiKey> findByIdAndAccountId(String id, String accountId);

	List<ApiKey> findByAccountIdOrderByCreatedAtDesc(String accountId);

}
