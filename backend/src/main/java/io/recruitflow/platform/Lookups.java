package io.recruitflow.platform;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** Small query shapes used on hot paths. */
public final class Lookups {

	private Lookups() {
	}

	/**
	 * Whether any document matches: a find of one id. {@link MongoTemplate#exists} counts through
	 * an aggregation, a heavier command for both the driver and the server, on paths that run for
	 * every SMS or webhook.
	 */
	public static boolean anyMatch(MongoTemplate mongo, Query query, Class<?> type) {
		Query firstId = Query.of(query).limit(1);
		firstId.fields().include("_id");
		return mongo.findOne(firstId, org.bson.Document.class, mongo.getCollectionName(type)) != null;
	}

}
