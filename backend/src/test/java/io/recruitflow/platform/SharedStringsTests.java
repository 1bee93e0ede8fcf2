package io.recruitflow.platform;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store keeps one instance of the short strings its documents and index keys repeat
 * ({@link SharedStrings}), without changing a value.
 */
class SharedStringsTests {

	@Test
	void equalShortStringsComeBackAsOneInstanceAndLongOnesAsGiven() {
		String first = SharedStrings.share(copy("6b0cc333258120c7261d0c24"));
		String second = SharedStrings.share(copy("6b0cc333258120c7261d0c24"));
		assertThat(second).isSameAs(first);

		String body = copy("x".repeat(65));
		assertThat(SharedStrings.share(body)).isSameAs(body);
		assertThat(SharedStrings.share(copy(body))).isNotSameAs(body).isEqualTo(body);
	}

	@Test
	void aDocumentsCopyIsEqualSharesItsNamesAndStringsAndKeepsItsOwnId() {
		Document one = stepDocument("step-1");
		Document other = stepDocument("step-2");

		Document sharedOne = SharedStrings.document(one);
		Document sharedOther = SharedStrings.document(other);

		assertThat(sharedOne).isEqualTo(one);
		assertThat(sharedOther).isEqualTo(other);
		assertThat(sharedOne.get("_id")).isSameAs(one.get("_id"));
		assertThat(sharedOther.get("accountId")).isSameAs(sharedOne.get("accountId"));
		assertThat(new ArrayList<>(sharedOther.keySet()).get(1)).isSameAs(new ArrayList<>(sharedOne.keySet()).get(1));
		Document nestedOne = (Document) sharedOne.get("message");
		Document nestedOther = (Document) sharedOther.get("message");
		assertThat(nestedOther.get("from")).isSameAs(nestedOne.get("from"));
		assertThat(((List<?>) sharedOther.get("tags")).get(0)).isSameAs(((List<?>) sharedOne.get("tags")).get(0));
		assertThat(sharedOne.get("position")).isEqualTo(3);
		assertThat(sharedOne.get("workflow")).isSameAs(one.get("workflow"));
	}

	private static Document stepDocument(String id) {
		Document document = new Document();
		document.put(copy("_id"), copy(id));
		document.put(copy("accountId"), copy("6b0cc333258120c7261d0c24"));
		document.put(copy("state"), copy("SENT"));
		document.put(copy("position"), 3);
		document.put(copy("workflow"), new ObjectId("6b0cc335258120c7261d0c40"));
		document.put(copy("message"), new Document(copy("from"), copy("+61480000001")));
		document.put(copy("tags"), new ArrayList<>(List.of(copy("CTA_COMPLETED"))));
		return document;
	}

	/** A string equal to the given one but never the same instance, as decoding makes them. */
	private static String copy(String text) {
		return new String(text.toCharArray());
	}

}
