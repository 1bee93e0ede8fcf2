package io.recruitflow.candidate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.recruitflow.platform.Caller;
import io.recruitflow.platform.DomainException;
import io.recruitflow.platform.Text;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The caller's candidates: reads, search, and the create-or-update that trigger events make. */
@Service
public class CandidateService {

	static final int MAX_EXTERNAL_ID = 100;

	static final int MAX_NAME = 100;

	static final int MAX_EMAIL = 254;

	static final int MAX_CUSTOM_FIELDS = 50;

	static final int MAX_CUSTOM_VALUE = 500;

	/** Custom field names become document keys: no dots or dollar signs. */
	private static final Pattern CUSTOM_FIELD_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _-]{0,49}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final CandidateRepository candidates;

	private final MongoTemplate mongo;

	private final Clock clock;

	CandidateService(CandidateRepository candidates, MongoTemplate mongo, Clock clock) {
		this.candidates = candidates;
		this.mongo = mongo;
		this.clock = clock;
	}

	public Optional<Candidate> candidate(Caller caller, String id) {
		return this.candidates.findById(id).filter(candidate -> candidate.accountId().equals(caller.accountId()));
	}

	/** For the engine: the candidate as stored now. */
	public Optional<Candidate> candidateForRun(String accountId, String id) {
		return candidate(Caller.system(accountId), id);
	}

	/** For history views: candidates of one account by id, in one query. */
	public Map<String, Candidate> candidatesForRuns(String accountId, List<String> ids) {
		return this.mongo
			.find(Query.query(Criteria.where("accountId").is(accountId).and("_id").in(ids)), Candidate.class)
			.stream()
			.collect(java.util.stream.Collectors.toMap(Candidate::id, candidate -> candidate));
	}

	public record Page(List<Candidate> candidates, boolean hasNext, long totalCount) {
	}

	/**
	 * Newest first, {@code first} at a time after the cursor (a candidate id). Search matches
	 * names, email, mobile and ATS id, as plain text (never as a pattern).
	 */
	public Page search(Caller caller, String search, int first, String after) {
		Criteria criteria = Criteria.where("accountId").is(caller.accountId());
		String needle = search == null ? "" : search.strip();
		if (!needle.isEmpty()) {
			Pattern contains = Pattern.compile(Pattern.quote(needle), Pattern.CASE_INSENSITIVE);
			criteria = criteria.orOperator(Criteria.where("firstName").regex(contains),
					Criteria.where("lastName").regex(contains), Criteria.where("email").regex(contains),
					Criteria.where("mobile").regex(contains), Criteria.where("externalId").regex(contains));
		}
		long total = this.mongo.count(Query.query(criteria), Candidate.class);
		if (after != null && !after.isBlank()) {
			criteria = new Criteria().andOperator(criteria, Criteria.where("_id").lt(new org.bson.types.ObjectId(cursor(after))));
		}
		List<Candidate> found = this.mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "_id")).limit(first + 1),
				Candidate.class);
		boolean hasNext = found.size() > first;
		return new Page(hasNext ? found.subList(0, first) : found, hasNext, total);
	}

	private static String cursor(String after) {
		if (!after.matches("[0-9a-f]{24}")) {
			throw new DomainException.BadRequest("The cursor '" + after + "' is not one this API gave out.");
		}
		return after;
	}

	/**
	 * The candidate texting from this number; someone unknown becomes a minimal candidate marked
	 * unknown, so that no reply is ever dropped. One upsert on (account, externalId "sms:<number>")
	 * keeps concurrent first messages to one record.
	 */
	public Candidate byMobileOrUnknown(String accountId, String mobile) {
		Candidate known = this.mongo.findOne(Query.query(Criteria.where("accountId").is(accountId).and("mobile").is(mobile))
			.with(Sort.by(Sort.Direction.DESC, "updatedAt")), Candidate.class);
		if (known != null) {
			return known;
		}
		Instant now = this.clock.instant();
		Query key = Query.query(Criteria.where("accountId").is(accountId).and("externalId").is("sms:" + mobile));
		Update create = new Update().setOnInsert("mobile", mobile)
			.setOnInsert("unknown", true)
			.setOnInsert("createdAt", now)
			.setOnInsert("updatedAt", now);
		FindAndModifyOptions upsert = FindAndModifyOptions.options().upsert(true).returnNew(true);
		try {
			return this.mongo.findAndModify(key, create, upsert, Candidate.class);
		}
		catch (DuplicateKeyException raced) {
			return this.mongo.findAndModify(key, create, upsert, Candidate.class);
		}
	}

	/** Records an opt-out; returns false when the candidate had already opted out. */
	public boolean optOut(String accountId, String candidateId, String keyword) {
		return this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(candidateId).and("accountId").is(accountId).and("smsOptOut").isNull()),
				new Update().set("smsOptOut", new Candidate.SmsOptOut(this.clock.instant(), keyword))
					.set("updatedAt", this.clock.instant()),
				Candidate.class)
			.getModifiedCount() == 1;
	}

	/** Clears an opt-out; returns false when the candidate was not opted out. */
	public boolean optIn(String accountId, String candidateId) {
		return this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(candidateId).and("accountId").is(accountId).and("smsOptOut").ne(null)),
				new Update().unset("smsOptOut").set("updatedAt", this.clock.instant()), Candidate.class)
			.getModifiedCount() == 1;
	}

	/**
	 * The result of recording a candidate: the stored candidate and, when a new ATS status was
	 * given, the status it had before.
	 */
	public record Upserted(Candidate candidate, String previousAtsStatus) {
	}

	/**
	 * Checks what an integrator sent; throws BadRequest naming the first problem. Runs before
	 * anything is written, so a rejected event leaves no trace.
	 */
	public static void validate(CandidateData data) {
		if (data == null) {
			throw new DomainException.BadRequest("candidate is required, with at least an externalId.");
		}
		String externalId = data.externalId() == null ? "" : data.externalId().strip();
		if (Text.isBlank(externalId) || externalId.length() > MAX_EXTERNAL_ID) {
			throw new DomainException.BadRequest(
					"candidate.externalId must be 1 to " + MAX_EXTERNAL_ID + " characters (the ATS's candidate id).");
		}
		checkLength("candidate.firstName", data.firstName(), MAX_NAME);
		checkLength("candidate.lastName", data.lastName(), MAX_NAME);
		checkLength("candidate.email", data.email(), MAX_EMAIL);
		if (data.email() != null && !data.email().isBlank() && !EMAIL.matcher(data.email().strip()).matches()) {
			throw new DomainException.BadRequest("candidate.email '" + data.email() + "' is not an email address.");
		}
		checkLength("candidate.mobile", data.mobile(), 40);
		Map<String, String> fields = data.customFields() == null ? Map.of() : data.customFields();
		if (fields.size() > MAX_CUSTOM_FIELDS) {
			throw new DomainException.BadRequest("At most " + MAX_CUSTOM_FIELDS + " custom fields per candidate.");
		}
		fields.forEach((name, value) -> {
			if (name == null || !CUSTOM_FIELD_NAME.matcher(name).matches()) {
				throw new DomainException.BadRequest("Custom field name '" + name
						+ "' is not allowed: use 1 to 50 letters, digits, spaces, '-' or '_', starting with a letter or digit.");
			}
			checkLength("custom field '" + name + "'", value, MAX_CUSTOM_VALUE);
		});
	}

	/**
	 * Creates or updates the account's candidate with this externalId in one atomic upsert; a
	 * mobile that cannot be read is recorded as a problem instead of a number.
	 */
	public Upserted upsert(String accountId, String country, CandidateData data, String newAtsStatus) {
		validate(data);
		Instant now = this.clock.instant();
		Update update = new Update().set("updatedAt", now)
			.setOnInsert("accountId", accountId)
			.setOnInsert("externalId", data.externalId().strip())
			.setOnInsert("createdAt", now)
			.setOnInsert("unknown", false);
		setIfGiven(update, "firstName", data.firstName());
		setIfGiven(update, "lastName", data.lastName());
		setIfGiven(update, "email", data.email() == null ? null : data.email().strip().toLowerCase());
		if (data.mobile() != null) {
			PhoneNumbers.Parsed mobile = PhoneNumbers.parse(data.mobile(), country);
			update.set("mobile", mobile.e164()).set("mobileProblem", mobile.problem());
		}
		if (newAtsStatus != null) {
			update.set("atsStatus", newAtsStatus);
		}
		if (data.customFields() != null) {
			data.customFields().forEach((name, value) -> {
				if (value == null) {
					update.unset("customFields." + name);
				}
				else {
					update.set("customFields." + name, value);
				}
			});
		}
		Query key = Query.query(Criteria.where("accountId").is(accountId).and("externalId").is(data.externalId().strip()));
		if (newAtsStatus == null) {
			// The status is not changing, so the stored candidate is all the caller needs: one command.
			return new Upserted(upsertCandidate(key, update, true), null);
		}
		Candidate before = upsertCandidate(key, update, false);
		Candidate after = this.mongo.findOne(key, Candidate.class);
		return new Upserted(after, before == null ? null : before.atsStatus());
	}

	private Candidate upsertCandidate(Query key, Update update, boolean returnNew) {
		FindAndModifyOptions upsert = FindAndModifyOptions.options().upsert(true).returnNew(returnNew);
		try {
			return this.mongo.findAndModify(key, update, upsert, Candidate.class);
		}
		catch (DuplicateKeyException raced) {
			return this.mongo.findAndModify(key, update, upsert, Candidate.class);
		}
	}

	private static void setIfGiven(Update update, String field, String value) {
		if (value != null) {
			update.set(field, value.strip());
		}
	}

	private static void checkLength(String field, String value, int max) {
		if (value != null && value.length() > max) {
			throw new DomainException.BadRequest(field + " is too long: at most " + max + " characters.");
		}
	}

}
