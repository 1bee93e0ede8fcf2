package io.recruitflow.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface UserRepository extends MongoRepository<User, String> {

	Optional<User> findByEmail(String email);

	Optional<User> findFirstBySmsNumber(String smsNumber);

	Optional<User> findByIdAndAccountId(String id, String accountId);

	List<User> findByAccountIdOrderByNameAsc(String accountId);

	List<User> findByAccountIdAndRoleAndActiveTrue(String accountId, Role role);

}
