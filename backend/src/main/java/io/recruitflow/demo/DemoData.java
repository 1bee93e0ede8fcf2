package io.recruitflow.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.recruitflow.account.Account;
import io.recruitflow.account.Role;
import io.recruitflow.account.User;
import io.recruitflow.campaign.WebCampaign;
import io.recruitflow.candidate.Candidate;
import io.recruitflow.template.ChatTemplate;
import io.recruitflow.workflow.TriggerType;
import io.recruitflow.workflow.Workflow;
import io.recruitflow.workflow.WorkflowStatus;
import io.recruitflow.workflow.WorkflowStepKind;
import org.bson.types.ObjectId;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Writes the demo accounts. Public so that tests can reseed a cleared database with exactly what
 * a developer sees in {@code make run}.
 */
@Component
public class DemoData {

	/** Demo-only password shared by every demo user; documented in the README. Never used outside the demo. */
	public static final String DEMO_PASSWORD = "recruitflow-demo";

	public static final List<String> LOGINS = List.of("admin@acme.test", "jane@acme.test", "sam@acme.test",
			"admin@globex.test");

	static final List<String> ATS_STATUSES = List.of("New", "Screening", "Interview", "Offer", "Hired", "Rejected");

	private static final String OPT_OUT = "Reply STOP to opt out.";

	private final MongoTemplate mongo;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private volatile String demoPasswordHash;

	DemoData(MongoTemplate mongo, PasswordEncoder passwords, Clock clock) {
		this.mongo = mongo;
		this.passwords = passwords;
		this.clock = clock;
	}

	/** Seeds both demo accounts unless any account exists. Returns whether it seeded. */
	public boolean seedIfEmpty() {
		if (this.mongo.getCollection("accounts").estimatedDocumentCount() > 0
				|| this.mongo.getCollection("accounts").countDocuments() > 0) {
			return false;
		}
		seed();
		return true;
	}

	public void seed() {
		Instant now = this.clock.instant();
		String acme = id();
		this.mongo.insert(new Account(acme, "Acme Talent", "+61480000000", 500, "Australia/Sydney", "AU",
				ATS_STATUSES, OPT_OUT, "Acme Talent recruitment texts. Reply STOP to opt out. Questions? Call +61480000000.",
				now, null));
		String acmeAdmin = user(acme, "Acme Admin", "admin@acme.test", Role.ADMIN, null, now);
		String jane = user(acme, "Jane Doe", "jane@acme.test", Role.RECRUITER, "+61480000001", now);
		String sam = user(acme, "Sam Taylor", "sam@acme.test", Role.RECRUITER, null, now);
		WebCampaign.Cta registerInterest = new WebCampaign.Cta(id(), "Register interest");
		WebCampaign graduates = new WebCampaign(id(), acme, "Graduate Program 2027",
				List.of(registerInterest, new WebCampaign.Cta(id(), "Apply now")), now);
		this.mongo.insert(graduates);
		// CTAs are shared between campaigns, so a workflow can fire for one campaign and not another.
		this.mongo.insert(new WebCampaign(id(), acme, "Summer Internships 2027", List.of(registerInterest), now));
		candidate(acme, "ATS-1001", "Olivia", "Nguyen", "olivia.nguyen@example.com", "+61412345678", "New", now);
		candidate(acme, "ATS-1002", "Liam", "Smith", "liam.smith@example.com", "+61412345679", "Screening", now);
		candidate(acme, "ATS-1003", "Ava", "Williams", "ava.williams@example.org", "+61423456780", "Interview", now);
		candidate(acme, "ATS-1004", "Noah", "Brown", "noah.brown@example.com", "+61434567891", "New", now);
		String thanks = template(acme, "Thanks for registering",
				"Hi {{candidate.firstName}}, thanks for registering your interest in {{campaign.name}}! "
						+ "{{sender.fromName}} will be in touch soon. {{optOut}}",
				now);
		String invitation = template(acme, "Interview invitation",
				"Hi {{candidate.firstName}}, great news: we'd like to invite you to an interview with "
						+ "{{company.name}}. Reply here and {{sender.name}} will find a time. {{optOut}}",
				now);
		workflow(acme, "Graduate registration follow-up", WorkflowStatus.ACTIVE,
				new Workflow.Trigger(TriggerType.CTA_COMPLETED, graduates.ctas().getFirst().id(), graduates.id(), null,
						null),
				new Workflow.Step(id(), WorkflowStepKind.CHAT_MESSAGE, jane, thanks, null), acmeAdmin, now);
		workflow(acme, "Interview invitation", WorkflowStatus.PAUSED,
				new Workflow.Trigger(TriggerType.ATS_STATUS_CHANGED, null, null, "Interview", "Screening"),
				new Workflow.Step(id(), WorkflowStepKind.CHAT_MESSAGE, sam, invitation, null), acmeAdmin, now);

		String globex = id();
		this.mongo.insert(new Account(globex, "Globex Careers", "+61480000100", 100, "Australia/Sydney", "AU",
				ATS_STATUSES, OPT_OUT, "Globex Careers texts. Reply STOP to opt out.", now, null));
		String globexAdmin = user(globex, "Globex Admin", "admin@globex.test", Role.ADMIN, null, now);
		WebCampaign openDay = new WebCampaign(id(), globex, "Globex Open Day",
				List.of(new WebCampaign.Cta(id(), "Book a seat")), now);
		this.mongo.insert(openDay);
		candidate(globex, "GX-1", "Mia", "Jones", "mia.jones@example.net", "+61455678912", "New", now);
		String reminder = template(globex, "Open day reminder",
				"Hi {{candidate.firstName}}, see you at the open day! {{optOut}}", now);
		workflow(globex, "Open day seat booked", WorkflowStatus.ACTIVE,
				new Workflow.Trigger(TriggerType.CTA_COMPLETED, openDay.ctas().getFirst().id(), null, null, null),
				new Workflow.Step(id(), WorkflowStepKind.CHAT_MESSAGE, globexAdmin, reminder, null), globexAdmin, now);
	}

	private String user(String accountId, String name, String email, Role role, String smsNumber, Instant now) {
		return this.mongo.insert(new User(id(), accountId, name, email, demoPasswordHash(), role, smsNumber, true, now))
			.id();
	}

	private void candidate(String accountId, String externalId, String firstName, String lastName, String email,
			String mobile, String status, Instant now) {
		this.mongo.insert(new Candidate(id(), accountId, externalId, firstName, lastName, email, mobile, null,
				status, Map.of(), null, false, null, now, now, null));
	}

	private String template(String accountId, String name, String body, Instant now) {
		return this.mongo.insert(new ChatTemplate(id(), accountId, name, body, now, now, null, null)).id();
	}

	private void workflow(String accountId, String name, WorkflowStatus status, Workflow.Trigger trigger,
			Workflow.Step step, String createdByUserId, Instant now) {
		this.mongo.insert(new Workflow(id(), accountId, name, status, trigger, List.of(), 0, List.of(step),
				createdByUserId, now, now, null, null));
	}

	/** BCrypt is slow on purpose; hash the shared demo password once per process. */
	private String demoPasswordHash() {
		if (this.demoPasswordHash == null) {
			this.demoPasswordHash = this.passwords.encode(DEMO_PASSWORD);
		}
		return this.demoPasswordHash;
	}

	private static String id() {
		return new ObjectId().toHexString();
	}

}
