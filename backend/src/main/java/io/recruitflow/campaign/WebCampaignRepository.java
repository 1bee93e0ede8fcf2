package io.recruitflow.campaign;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface WebCampaignRepository extends MongoRepository<WebCampaign, String> {

	List<WebCampaign> findByAccountIdOrderByNameAsc(String accountId);

}
