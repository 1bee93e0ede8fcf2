package io.recruitflow.template;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface ChatTemplateRepository extends MongoRepository<ChatTemplate, String> {

	List<ChatTemplate> findByAccountIdAndDeletedAtIsNull(String accountId);

	Optional<ChatTemplate> findByIdAndAccountIdAndDeletedAtIsNull(String id, String accountId);

	Optional<ChatTemplate> findByIdAndAccountId(String id, String accountId);

	List<ChatTemplate> findByAccountIdAndIdIn(String accountId, Collection<String> ids);

}
