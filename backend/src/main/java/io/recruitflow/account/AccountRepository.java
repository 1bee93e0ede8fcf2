package io.recruitflow.account;

import org.springframework.data.mongodb.repository.MongoRepository;

interface AccountRepository extends MongoRepository<Account, String> {

	java.util.Optional<Account> findFirstByCompanyNumber(String companyNumber);

}
