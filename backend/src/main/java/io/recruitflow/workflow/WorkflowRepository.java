package io.recruitflow.workflow;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface WorkflowRepository extends MongoRepository<Workflow, String> {

	Optional<Workflow> findByIdAndAccountIdAndDeletedAtIsNull(String id, String accountId);

	List<Workflow> findByAccountIdAndDeletedAtIsNull(String accountId);

	List<Workflow> findByAccountIdAndStatusAndDeletedAtIsNull(String accountId, WorkflowStatus status);

}
