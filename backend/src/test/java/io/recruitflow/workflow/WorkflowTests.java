package io.recruitflow.workflow;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import io.recruitflow.support.IntegrationTest;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowTests extends IntegrationTest {

	private static final String FRAGMENT = """
			fragment W on Workflow {
			  id name status version stepCount valid triggerSummary reentryMinimumMinutes createdAt updatedAt
			  createdBy { email }
			  trigger { type toStatus fromStatus cta { id label webCampaign { name } } webCampaign { id name } }
			  criteria { field operator values }
			  steps { id kind position waitMinutes valid problem senderNumber fromName sender { email }
			          chatTemplate { id name } }
			}""";

	private static final String LIST = "query($status: WorkflowStatus, $search: String) { "
			+ "workflows(status: $status, search: $search) { ...W } }" + FRAGMENT;

	private static final String GET = "query($id: ID!) { workflow(id: $id) { ...W } }" + FRAGMENT;

	private static final String CREATE = "mutation($input: WorkflowInput!) { createWorkflow(input: $input) { ...W } }"
			+ FRAGMENT;

	private static final String UPDATE = "mutation($id: ID!, $input: WorkflowInput!) { "
			+ "updateWorkflow(id: $id, input: $input) { ...W } }" + FRAGMENT;

	private static final String DELETE = "mutation($id: ID!) { deleteWorkflow(id: $id) }";

	private static final String PAUSE = "mutation($id: ID!) { pauseWorkflow(id: $id) { ...W } }" + FRAGMENT;

	private static final String RESUME = "mutation($id: ID!) { resumeWorkflow(id: $id) { ...W } }" + FRAGMENT;

	private static final String COPY = "mutation($id: ID!) { copyWorkflow(id: $id) { ...W } }" + FRAGMENT;

	private static final String ADD_STEP = """
			mutation($workflowId: ID!, $input: WorkflowStepInput!, $position: Int, $expectedVersion: Int) {
			  addWorkflowStep(workflowId: $workflowId, input: $input, position: $position, expectedVersion: $expectedVersion) { ...W } }"""
			+ FRAGMENT;

	private static final String UPDATE_STEP = """
			mutation($workflowId: ID!, $stepId: ID!, $input: WorkflowStepInput!, $expectedVersion: Int) {
			  updateWorkflowStep(workflowId: $workflowId, stepId: $stepId, input: $input, expectedVersion: $expectedVersion) { ...W } }"""
			+ FRAGMENT;

	private static final String REMOVE_STEP = """
			mutation($workflowId: ID!, $stepId: ID!, $expectedVersion: Int) {
			  removeWorkflowStep(workflowId: $workflowId, stepId: $stepId, expectedVersion: $expectedVersion) { ...W } }"""
			+ FRAGMENT;

	private static final String MOVE_STEP = """
			mutation($workflowId: ID!, $stepId: ID!, $position: Int!, $expectedVersion: Int) {
			  moveWorkflowStep(workflowId: $workflowId, stepId: $stepId, position: $position, expectedVersion: $expectedVersion) { ...W } }"""
			+ FRAGMENT;

	private static final String[] COLLECTIONS = { "workflows", "chatTemplates", "users", "webCampaigns" };

	// Lists and lookups

	@Test
	void listsTheAccountsWorkflowsByNameWithStatusTriggerSummaryAndStepCount() {
		graphQlAs("jane@acme.test").document(LIST)
			.execute()
			.path("workflows[*].name").entityList(String.class)
			.containsExactly("Graduate registration follow-up", "Interview invitation")
			.path("workflows[*].status").entityList(String.class).containsExactly("ACTIVE", "PAUSED")
			.path("workflows[*].triggerSummary").entityList(String.class)
			.containsExactly("CTA “Register interest” on Graduate Program 2027",
					"ATS status changes from Screening to Interview")
			.path("workflows[*].stepCount").entityList(Integer.class).containsExactly(1, 1)
			.path("workflows[*].valid").entityList(Boolean.class).containsExactly(true, true);

		graphQlAs("admin@globex.test").document(LIST)
			.execute()
			.path("workflows[*].name").entityList(String.class).containsExactly("Open day seat booked")
			.path("workflows[0].triggerSummary").entity(String.class).isEqualTo("CTA “Book a seat” (any campaign)");
	}

	@Test
	void filtersByStatusAndByNameIgnoringCase() {
		var jane = graphQlAs("jane@acme.test");

		jane.document(LIST).variable("status", "PAUSED").execute()
			.path("workflows[*].name").entityList(String.class).containsExactly("Interview invitation");
		jane.document(LIST).variable("status", "ACTIVE").execute()
			.path("workflows[*].name").entityList(String.class).containsExactly("Graduate registration follow-up");
		jane.document(LIST).variable("search", " GRADUATE ").execute()
			.path("workflows[*].name").entityList(String.class).containsExactly("Graduate registration follow-up");
		jane.document(LIST).variable("search", "nothing like it").execute()
			.path("workflows").entityList(Object.class).hasSize(0);
	}

	@Test
	void aWorkflowShowsItsStepsWithTheNumberAndFromNameTheCandidateSees() {
		var jane = graphQlAs("jane@acme.test");

		jane.document(GET).variable("id", workflowId("Graduate registration follow-up")).execute()
			.path("workflow.trigger.type").entity(String.class).isEqualTo("CTA_COMPLETED")
			.path("workflow.trigger.cta.label").entity(String.class).isEqualTo("Register interest")
			.path("workflow.trigger.cta.webCampaign.name").entity(String.class).isEqualTo("Graduate Program 2027")
			.path("workflow.trigger.webCampaign.name").entity(String.class).isEqualTo("Graduate Program 2027")
			.path("workflow.createdBy.email").entity(String.class).isEqualTo("admin@acme.test")
			.path("workflow.steps[0].kind").entity(String.class).isEqualTo("CHAT_MESSAGE")
			.path("workflow.steps[0].position").entity(Integer.class).isEqualTo(0)
			.path("workflow.steps[0].sender.email").entity(String.class).isEqualTo("jane@acme.test")
			.path("workflow.steps[0].senderNumber").entity(String.class).isEqualTo("+61480000001")
			.path("workflow.steps[0].fromName").entity(String.class).isEqualTo("Jane Doe")
			.path("workflow.steps[0].chatTemplate.name").entity(String.class).isEqualTo("Thanks for registering")
			.path("workflow.steps[0].valid").entity(Boolean.class).isEqualTo(true)
			.path("workflow.steps[0].problem").valueIsNull();

		jane.document(GET).variable("id", workflowId("Interview invitation")).execute()
			.path("workflow.trigger.toStatus").entity(String.class).isEqualTo("Interview")
			.path("workflow.trigger.fromStatus").entity(String.class).isEqualTo("Screening")
			.path("workflow.trigger.cta").valueIsNull()
			.path("workflow.steps[0].sender.email").entity(String.class).isEqualTo("sam@acme.test")
			.path("workflow.steps[0].senderNumber").entity(String.class).isEqualTo("+61480000000")
			.path("workflow.steps[0].fromName").entity(String.class).isEqualTo("Acme Talent");
	}

	@Test
	void sendersAreTheActiveUsersWithWhatTheCandidateSees() {
		var jane = graphQlAs("jane@acme.test");
		String query = "{ senders { email senderNumber fromName active } }";

		jane.document(query).execute()
			.path("senders[*].email").entityList(String.class)
			.containsExactly("admin@acme.test", "jane@acme.test", "sam@acme.test")
			.path("senders[1].senderNumber").entity(String.class).isEqualTo("+61480000001")
			.path("senders[1].fromName").entity(String.class).isEqualTo("Jane Doe")
			.path("senders[2].senderNumber").entity(String.class).isEqualTo("+61480000000")
			.path("senders[2].fromName").entity(String.class).isEqualTo("Acme Talent");

		deactivate("sam@acme.test");
		jane.document(query).execute()
			.path("senders[*].email").entityList(String.class).containsExactly("admin@acme.test", "jane@acme.test");
	}

	@Test
	void criteriaFieldsListTheOperatorsAndTheAccountsAtsStatuses() {
		graphQlAs("jane@acme.test").document("{ criteriaFields { field label operators values } }")
			.execute()
			.path("criteriaFields[*].field").entityList(String.class)
			.containsExactly("atsStatus", "emailDomain", "email", "firstName", "lastName", "mobile",
					"customFields.<name>")
			.path("criteriaFields[0].operators").entityList(String.class)
			.containsExactly("EQUALS", "NOT_EQUALS", "IN", "EXISTS")
			.path("criteriaFields[0].values").entityList(String.class)
			.containsExactly("New", "Screening", "Interview", "Offer", "Hired", "Rejected")
			.path("criteriaFields[1].operators").entityList(String.class)
			.containsExactly("EQUALS", "NOT_EQUALS", "IN", "CONTAINS", "EXISTS")
			.path("criteriaFields[1].values").entityList(String.class).hasSize(0);
	}

	@Test
	void aStepWhoseSenderIsInactiveOrWhoseTemplateWasDeletedIsInvalid() {
		deactivate("sam@acme.test");
		this.mongo.getCollection("chatTemplates")
			.updateOne(new Document("name", "Thanks for registering"),
					new Document("$set", new Document("deletedAt", new Date())));
		var jane = graphQlAs("jane@acme.test");

		jane.document(GET).variable("id", workflowId("Interview invitation")).execute()
			.path("workflow.valid").entity(Boolean.class).isEqualTo(false)
			.path("workflow.steps[0].valid").entity(Boolean.class).isEqualTo(false)
			.path("workflow.steps[0].problem").entity(String.class)
			.isEqualTo("The sender Sam Taylor is inactive; choose an active sender.");
		jane.document(GET).variable("id", workflowId("Graduate registration follow-up")).execute()
			.path("workflow.valid").entity(Boolean.class).isEqualTo(false)
			.path("workflow.steps[0].chatTemplate.name").entity(String.class).isEqualTo("Thanks for registering")
			.path("workflow.steps[0].problem").entity(String.class)
			.isEqualTo("The chat template “Thanks for registering” was deleted; choose another template.");
	}

	// Creating and editing

	@Test
	void createsACtaWorkflowThatIsActiveAndOwnedByTheAccount() {
		var created = graphQlAs("jane@acme.test").document(CREATE)
			.variable("input", map("name", "  Applicants  ", "trigger",
					ctaTrigger(ctaId("Apply now"), idOf("webCampaigns", "name", "Graduate Program 2027"))))
			.execute();

		String id = created.path("createWorkflow.id").entity(String.class).get();
		created.path("createWorkflow.name").entity(String.class).isEqualTo("Applicants")
			.path("createWorkflow.status").entity(String.class).isEqualTo("ACTIVE")
			.path("createWorkflow.version").entity(Integer.class).isEqualTo(0)
			.path("createWorkflow.stepCount").entity(Integer.class).isEqualTo(0)
			.path("createWorkflow.valid").entity(Boolean.class).isEqualTo(true)
			.path("createWorkflow.reentryMinimumMinutes").entity(Integer.class).isEqualTo(0)
			.path("createWorkflow.criteria").entityList(Object.class).hasSize(0)
			.path("createWorkflow.createdBy.email").entity(String.class).isEqualTo("jane@acme.test")
			.path("createWorkflow.trigger.cta.label").entity(String.class).isEqualTo("Apply now")
			.path("createWorkflow.triggerSummary").entity(String.class)
			.isEqualTo("CTA “Apply now” on Graduate Program 2027");
		Document stored = workflowNamed("Applicants");
		assertThat(stored.get("_id").toString()).isEqualTo(id);
		assertThat(stored.getString("accountId")).isEqualTo(idOf("accounts", "name", "Acme Talent"));
		assertThat(stored.getString("status")).isEqualTo("ACTIVE");
	}

	@Test
	void createsAnAtsWorkflowWithCriteriaInTheAccountsSpelling() {
		graphQlAs("jane@acme.test").document(CREATE)
			.variable("input", map("name", "Interviewing graduates",
					"trigger", map("type", "ATS_STATUS_CHANGED", "toStatus", "interview", "fromStatus", "SCREENING",
							"ctaId", "", "webCampaignId", " "),
					"criteria", List.of(criterion("atsStatus", "IN", "new", " Screening ", "New"),
							criterion("emailDomain", "EQUALS", "@Example.COM"),
							criterion("customFields.location", "EXISTS")),
					"reentryMinimumMinutes", 1440))
			.execute()
			.path("createWorkflow.trigger.toStatus").entity(String.class).isEqualTo("Interview")
			.path("createWorkflow.trigger.fromStatus").entity(String.class).isEqualTo("Screening")
			.path("createWorkflow.triggerSummary").entity(String.class)
			.isEqualTo("ATS status changes from Screening to Interview")
			.path("createWorkflow.reentryMinimumMinutes").entity(Integer.class).isEqualTo(1440)
			.path("createWorkflow.criteria[*].field").entityList(String.class)
			.containsExactly("atsStatus", "emailDomain", "customFields.location")
			.path("createWorkflow.criteria[0].values").entityList(String.class).containsExactly("New", "Screening")
			.path("createWorkflow.criteria[1].values").entityList(String.class).containsExactly("example.com")
			.path("createWorkflow.criteria[2].values").entityList(String.class).hasSize(0);
	}

	@Test
	void updatesWithTheExpectedVersionAndRefusesAStaleEdit() {
		var jane = graphQlAs("jane@acme.test");
		String id = workflowId("Interview invitation");
		Map<String, Object> atsTrigger = map("type", "ATS_STATUS_CHANGED", "toStatus", "Offer");

		jane.document(UPDATE)
			.variable("id", id)
			.variable("input", map("name", "Offer made", "trigger", atsTrigger, "expectedVersion", 0))
			.execute()
			.path("updateWorkflow.name").entity(String.class).isEqualTo("Offer made")
			.path("updateWorkflow.version").entity(Integer.class).isEqualTo(1)
			.path("updateWorkflow.status").entity(String.class).isEqualTo("PAUSED")
			.path("updateWorkflow.stepCount").entity(Integer.class).isEqualTo(1)
			.path("updateWorkflow.triggerSummary").entity(String.class).isEqualTo("ATS status changes to Offer");
		var before = snapshot(COLLECTIONS);

		jane.document(UPDATE)
			.variable("id", id)
			.variable("input", map("name", "Stale", "trigger", atsTrigger, "expectedVersion", 0))
			.execute()
			.errors()
			.satisfy(errors -> assertConflict(errors, "This workflow was changed by someone else since you opened it "
					+ "(version 1, yours 0). Reload and try again."));
		assertThat(snapshot(COLLECTIONS)).isEqualTo(before);
	}

	@Test
	void ofConcurrentEditsBasedOnTheSameVersionExactlyOneWins() throws Exception {
		var jane = graphQlAs("jane@acme.test");
		String id = workflowId("Interview invitation");
		int editors = 8;

		List<List<ResponseError>> outcomes = concurrently(editors, i -> jane.document(UPDATE)
			.variable("id", id)
			.variable("input", map("name", "Edit " + i, "trigger", map("type", "ATS_STATUS_CHANGED", "toStatus", "Offer"),
					"expectedVersion", 0)));

		assertThat(outcomes.stream().filter(List::isEmpty)).hasSize(1);
		assertThat(outcomes.stream().filter(errors -> !errors.isEmpty()))
			.hasSize(editors - 1)
			.allSatisfy(errors -> assertConflict(errors, "(version 1, yours 0)"));
		Document stored = workflowDocument(id);
		assertThat(((Number) stored.get("version")).intValue()).isEqualTo(1);
		assertThat(stored.getString("name")).startsWith("Edit ");
	}

	@Test
	void concurrentStepAddsWithoutAVersionAllLand() throws Exception {
		var jane = graphQlAs("jane@acme.test");
		String id = workflowId("Graduate registration follow-up");
		int adders = 6;

		List<List<ResponseError>> outcomes = concurrently(adders, i -> jane.document(ADD_STEP)
			.variable("workflowId", id)
			.variable("input", map("kind", "WAIT", "waitMinutes", i + 1)));

		assertThat(outcomes).allSatisfy(errors -> assertThat(errors).isEmpty());
		Document stored = workflowDocument(id);
		assertThat(stored.getList("steps", Document.class)).hasSize(adders + 1);
		assertThat(((Number) stored.get("version")).intValue()).isEqualTo(adders);
	}

	@Test
	void deletingKeepsTheDocumentButHidesTheWorkflow() {
		var jane = graphQlAs("jane@acme.test");
		String id = workflowId("Interview invitation");

		jane.document(DELETE).variable("id", id).execute().path("deleteWorkflow").entity(String.class).isEqualTo(id);

		jane.document(LIST).execute()
			.path("workflows[*].name").entityList(String.class).containsExactly("Graduate registration follow-up");
		jane.document(GET).variable("id", id).execute().errors()
			.satisfy(errors -> assertError(errors, ErrorType.NOT_FOUND, "Workflow '" + id + "' was not found."));
		jane.document(DELETE).variable("id", id).execute().errors()
			.satisfy(errors -> assertError(errors, ErrorType.NOT_FOUND, "Workflow '" + id + "' was not found."));
		assertThat(workflowDocument(id).get("deletedAt")).isNotNull();
		assertThat(count("workflows")).isEqualTo(3);
	}

	@Test
	void pausingAndResumingTakeEffectAtOnceAndRepeatingChangesNothing() {
		var jane = graphQlAs("jane@acme.test");
		String id = workflowId("Graduate registration follow-up");

		jane.document(PAUSE).variable("id", id).execute()
			.path("pauseWorkflow.status").entity(String.class).isEqualTo("PAUSED")
			.path("pauseWorkflow.version").entity(Integer.class).isEqualTo(1);
		jane.document(PAUSE).variable("id", id).execute()
			.path("pauseWorkflow.status").entity(String.class).isEqualTo("PAUSED")
			.path("pauseWorkflow.version").entity(Integer.class).isEqualTo(1);
		assertThat(workflowDocument(id).getString("status")).isEqualTo("PAUSED");

		jane.document(RESUME).variable("id", id).execute()
			.path("resumeWorkflow.status").entity(String.class).isEqualTo("ACTIVE")
			.path("resumeWorkflow.version").entity(Integer.class).isEqualTo(2);
		assertThat(workflowDocument(id).getString("status")).isEqualTo("ACTIVE");
	}

	@Test
	void aCopyIsPausedWithNewStepIdsAndTheSameSettings() {
		var jane = graphQlAs("jane@acme.test");
		String id = workflowId("Graduate registration follow-up");
		String originalStepId = firstStepId(id);

		var copy = jane.document(COPY).variable("id", id).execute();

		copy.path("copyWorkflow.name").entity(String.class).isEqualTo("Copy of Graduate registration follow-up")
			.path("copyWorkflow.status").entity(String.class).isEqualTo("PAUSED")
			.path("copyWorkflow.version").entity(Integer.class).isEqualTo(0)
			.path("copyWorkflow.createdBy.email").entity(String.class).isEqualTo("jane@acme.test")
			.path("copyWorkflow.triggerSummary").entity(String.class)
			.isEqualTo("CTA “Register interest” on Graduate Program 2027")
			.path("copyWorkflow.steps[0].sender.email").entity(String.class).isEqualTo("jane@acme.test")
			.path("copyWorkflow.steps[0].chatTemplate.name").entity(String.class).isEqualTo("Thanks for registering")
			.path("copyWorkflow.steps[0].id").entity(String.class).isNotEqualTo(originalStepId);
		assertThat(copy.path("copyWorkflow.id").entity(String.class).get()).isNotEqualTo(id);
		assertThat(workflowDocument(id).getString("status")).isEqualTo("ACTIVE");
		assertThat(count("workflows")).isEqualTo(4);
	}

	@Test
	void aCopyOfALongNameStaysWithinTheLimit() {
		var jane = graphQlAs("jane@acme.test");
		String id = jane.document(CREATE)
			.variable("input", map("name", "x".repeat(100), "trigger", ctaTrigger(ctaId("Apply now"), null)))
			.execute()
			.path("createWorkflow.id").entity(String.class).get();

		jane.document(COPY).variable("id", id).execute()
			.path("copyWorkflow.name").entity(String.class)
			.isEqualTo("Copy of " + "x".repeat(91) + "…");
	}

	@Test
	void stepsAreAddedEditedMovedAndRemovedKeepingTheirIds() {
		var jane = graphQlAs("jane@acme.test");
		String id = workflowId("Graduate registration follow-up");
		String first = firstStepId(id);

		var waited = jane.document(ADD_STEP)
			.variable("workflowId", id)
			.variable("input", map("kind", "WAIT", "waitMinutes", 2880))
			.variable("expectedVersion", 0)
			.execute();
		String wait = waited.path("addWorkflowStep.steps[1].id").entity(String.class).get();
		waited.path("addWorkflowStep.steps[1].kind").entity(String.class).isEqualTo("WAIT")
			.path("addWorkflowStep.steps[1].waitMinutes").entity(Integer.class).isEqualTo(2880)
			.path("addWorkflowStep.steps[1].valid").entity(Boolean.class).isEqualTo(true)
			.path("addWorkflowStep.version").entity(Integer.class).isEqualTo(1);

		var inserted = jane.document(ADD_STEP)
			.variable("workflowId", id)
			.variable("input", map("kind", "CHAT_MESSAGE", "senderUserId", idOf("users", "email", "sam@acme.test"),
					"chatTemplateId", idOf("chatTemplates", "name", "Interview invitation")))
			.variable("position", 0)
			.execute();
		String chat = inserted.path("addWorkflowStep.steps[0].id").entity(String.class).get();
		inserted.path("addWorkflowStep.steps[*].id").entityList(String.class).containsExactly(chat, first, wait)
			.path("addWorkflowStep.steps[*].position").entityList(Integer.class).containsExactly(0, 1, 2)
			.path("addWorkflowStep.steps[0].fromName").entity(String.class).isEqualTo("Acme Talent")
			.path("addWorkflowStep.stepCount").entity(Integer.class).isEqualTo(3);

		jane.document(UPDATE_STEP)
			.variable("workflowId", id)
			.variable("stepId", wait)
			.variable("input", map("kind", "WAIT", "waitMinutes", 60))
			.variable("expectedVersion", 2)
			.execute()
			.path("updateWorkflowStep.steps[2].id").entity(String.class).isEqualTo(wait)
			.path("updateWorkflowStep.steps[2].waitMinutes").entity(Integer.class).isEqualTo(60);

		jane.document(UPDATE_STEP)
			.variable("workflowId", id)
			.variable("stepId", chat)
			.variable("input", map("kind", "CHAT_MESSAGE", "senderUserId", idOf("users", "email", "jane@acme.test"),
					"chatTemplateId", idOf("chatTemplates", "name", "Interview invitation")))
			.execute()
			.path("updateWorkflowStep.steps[0].id").entity(String.class).isEqualTo(chat)
			.path("updateWorkflowStep.steps[0].senderNumber").entity(String.class).isEqualTo("+61480000001");

		jane.document(MOVE_STEP)
			.variable("workflowId", id)
			.variable("stepId", chat)
			.variable("position", 2)
			.execute()
			.path("moveWorkflowStep.steps[*].id").entityList(String.class).containsExactly(first, wait, chat);

		jane.document(REMOVE_STEP)
			.variable("workflowId", id)
			.variable("stepId", wait)
			.variable("expectedVersion", 5)
			.execute()
			.path("removeWorkflowStep.steps[*].id").entityList(String.class).containsExactly(first, chat)
			.path("removeWorkflowStep.version").entity(Integer.class).isEqualTo(6);
		assertThat(workflowDocument(id).getList("steps", Document.class)).hasSize(2);
	}

	@Test
	void aStaleStepEditIsAConflictAndWritesNothing() {
		var jane = graphQlAs("jane@acme.test");
		String id = workflowId("Graduate registration follow-up");
		String step = firstStepId(id);
		jane.document(PAUSE).variable("id", id).execute().path("pauseWorkflow.version").entity(Integer.class).isEqualTo(1);
		var before = snapshot(COLLECTIONS);
		String conflict = "(version 1, yours 0). Reload and try again.";

		jane.document(ADD_STEP).variable("workflowId", id).variable("input", map("kind", "WAIT", "waitMinutes", 5))
			.variable("expectedVersion", 0).execute().errors().satisfy(errors -> assertConflict(errors, conflict));
		jane.document(UPDATE_STEP).variable("workflowId", id).variable("stepId", step)
			.variable("input", map("kind", "WAIT", "waitMinutes", 5))
			.variable("expectedVersion", 0).execute().errors().satisfy(errors -> assertConflict(errors, conflict));
		jane.document(REMOVE_STEP).variable("workflowId", id).variable("stepId", step)
			.variable("expectedVersion", 0).execute().errors().satisfy(errors -> assertConflict(errors, conflict));
		jane.document(MOVE_STEP).variable("workflowId", id).variable("stepId", step).variable("position", 0)
			.variable("expectedVersion", 0).execute().errors().satisfy(errors -> assertConflict(errors, conflict));

		assertThat(snapshot(COLLECTIONS)).isEqualTo(before);
	}

	// Bad input: a clear message, nothing written

	@Test
	void emptyOrOverLongNamesAreRefused() {
		var jane = graphQlAs("jane@acme.test");
		var before = snapshot(COLLECTIONS);
		String id = workflowId("Interview invitation");

		for (String name : new String[] { "", "  ", "x".repeat(101) }) {
			String expected = "The workflow name must be 1 to 100 characters; "
					+ (name.isBlank() ? "it is empty." : "it has 101.");
			Map<String, Object> input = map("name", name, "trigger", ctaTrigger(ctaId("Apply now"), null));
			expectBadRequest(jane.document(CREATE).variable("input", input), expected);
			expectBadRequest(jane.document(UPDATE).variable("id", id).variable("input", input), expected);
		}
		assertThat(snapshot(COLLECTIONS)).isEqualTo(before);
	}

	@Test
	void aCtaThatDoesNotExistOrBelongsToAnotherAccountIsRefused() {
		var jane = graphQlAs("jane@acme.test");
		var before = snapshot(COLLECTIONS);
		String globexCta = ctaId("Book a seat");
		String globexCampaign = idOf("webCampaigns", "name", "Globex Open Day");

		expectBadRequest(jane.document(CREATE).variable("input", named(ctaTrigger("0123456789abcdef01234567", null))),
				"trigger.ctaId: there is no CTA '0123456789abcdef01234567' in your web campaigns.");
		expectBadRequest(jane.document(CREATE).variable("input", named(ctaTrigger(globexCta, null))),
				"trigger.ctaId: there is no CTA '" + globexCta + "' in your web campaigns.");
		expectBadRequest(jane.document(CREATE).variable("input", named(ctaTrigger(ctaId("Apply now"), globexCampaign))),
				"trigger.webCampaignId: there is no web campaign '" + globexCampaign + "' in your account.");
		expectBadRequest(jane.document(UPDATE).variable("id", workflowId("Interview invitation"))
			.variable("input", named(ctaTrigger(globexCta, null))),
				"trigger.ctaId: there is no CTA '" + globexCta + "' in your web campaigns.");
		assertThat(snapshot(COLLECTIONS)).isEqualTo(before);
	}

	@Test
	void aCtaOutsideTheChosenCampaignIsRefused() {
		String otherCampaign = new ObjectId().toHexString();
		String acme = idOf("accounts", "name", "Acme Talent");
		this.mongo.getCollection("webCampaigns").insertOne(new Document("_id", new ObjectId(otherCampaign))
			.append("accountId", acme)
			.append("name", "Summer Internships")
			.append("ctas", List.of()));
		var before = snapshot(COLLECTIONS);

		expectBadRequest(graphQlAs("jane@acme.test").document(CREATE)
			.variable("input", named(ctaTrigger(ctaId("Apply now"), otherCampaign))),
				"trigger.webCampaignId: the CTA “Apply now” is not part of the web campaign “Summer Internships”; "
						+ "it belongs to “Graduate Program 2027”.");
		assertThat(snapshot(COLLECTIONS)).isEqualTo(before);
	}

	@Test
	void aCtaSharedByTwoCampaignsCanBeRestrictedToEitherOfThem() {
		var jane = graphQlAs("jane@acme.test");
		String registerInterest = ctaId("Register interest");

		for (String campaign : new String[] { "Graduate Program 2027", "Summer Internships 2027" }) {
			String campaignId = idOf("webCampaigns", "name", campaign);
			jane.document(CREATE)
				.variable("input", map("name", "Interest in " + campaign, "trigger", ctaTrigger(registerInterest, campaignId)))
				.execute()
				.path("createWorkflow.trigger.webCampaign.id").entity(String.class).isEqualTo(campaignId)
				.path("createWorkflow.triggerSummary").entity(String.class)
				.isEqualTo("CTA “Register interest” on " + campaign);
			assertThat(workflowNamed("Interest in " + campaign).get("trigger", Document.class).getString("webCampaignId"))
				.isEqualTo(campaignId);
		}
	}

	@Test
	void aTriggerWithFieldsOfTheOtherTypeIsRefused() {
		var jane = graphQlAs("jane@acme.test");
		var before = snapshot(COLLECTIONS);

		expectBadRequest(jane.document(CREATE).variable("input", named(map("type", "CTA_COMPLETED", "ctaId",
				ctaId("Apply now"), "toStatus", "Interview"))),
				"A CTA_COMPLETED trigger takes ctaId and optionally webCampaignId; remove trigger.toStatus "
						+ "(statuses belong to ATS_STATUS_CHANGED triggers).");
		expectBadRequest(jane.document(CREATE).variable("input", named(map("type", "ATS_STATUS_CHANGED", "toStatus",
				"Interview", "ctaId", ctaId("Apply now"), "webCampaignId", idOf("webCampaigns", "name",
						"Graduate Program 2027")))),
				"An ATS_STATUS_CHANGED trigger takes toStatus and optionally fromStatus; remove trigger.ctaId and "
						+ "trigger.webCampaignId (CTAs and campaigns belong to CTA_COMPLETED triggers).");
		assertThat(snapshot(COLLECTIONS)).isEqualTo(before);
	}

	@Test
	void aTriggerMissingWhatItNeedsOrWithUnknownStatusesIsRefused() {
		var jane = graphQlAs("jane@acme.test");
		var before = snapshot(COLLECTIONS);
		String statuses = "New, Screening, Interview, Offer, Hired, Rejected.";

		expectBadRequest(jane.document(CREATE).variable("input", named(map("type", "CTA_COMPLETED"))),
				"A CTA_COMPLETED trigger needs trigger.ctaId: the CTA whose completion starts the workflow.");
		expectBadRequest(jane.document(CREATE).variable("input", named(map("type", "ATS_STATUS_CHANGED"))),
				"An ATS_STATUS_CHANGED trigger needs trigger.toStatus, one of: " + statuses);
		expectBadRequest(jane.document(CREATE).variable("input", named(map("type", "ATS_STATUS_CHANGED",
				"toStatus", "Intervew"))), "trigger.toStatus: 'Intervew' is not one of your ATS statuses: " + statuses);
		expectBadRequest(jane.document(CREATE).variable("input", named(map("type", "ATS_STATUS_CHANGED",
				"toStatus", "Offer", "fromStatus", "Fired"))),
				"trigger.fromStatus: 'Fired' is not one of your ATS statuses: " + statuses);
		expectBadRequest(jane.document(CREATE).variable("input", named(map("type", "ATS_STATUS_CHANGED",
				"toStatus", "Offer", "fromStatus", "offer"))),
				"trigger.fromStatus must differ from trigger.toStatus (both are 'Offer').");
		assertThat(snapshot(COLLECTIONS)).isEqualTo(before);
	}

	@Test
	void anUnknownCriteriaFieldIsRefusedNamingIt() {
		var jane = graphQlAs("jane@acme.test");
		var before = snapshot(COLLECTIONS);
		String choices = "Use one of: atsStatus, emailDomain, email, firstName, lastName, mobile, customFields.<name>.";

		expectBadRequest(jane.document(CREATE).variable("input", withCriteria(criterion("age", "EQUALS", "30"))),
				"criteria[0].field: unknown criteria field 'age'. " + choices);
		expectBadRequest(jane.document(CREATE).variable("input", withCriteria(criterion("atsStatus", "EXISTS"),
				criterion("customFields.", "EXISTS"))),
				"criteria[1].field: unknown criteria field 'customFields.'. " + choices);
		expectBadRequest(jane.document(CREATE).variable("input", withCriteria(criterion("customFields.a.b", "EXISTS"))),
				"criteria[0].field: unknown criteria field 'customFields.a.b'.");
		assertThat(snapshot(COLLECTIONS)).isEqualTo(before);
	}

	@Test
	void anUnknownCriteriaOperatorIsRefusedNamingIt() {
		var jane = graphQlAs("jane@acme.test");
		var before = snapshot(COLLECTIONS);

		jane.document(CREATE)
			.variable("input", withCriteria(criterion("atsStatus", "LIKE", "New")))
			.execute()
			.errors()
			.satisfy(errors -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.getFirst().getMessage()).contains("CriterionOperator").contains("LIKE");
			});
		expectBadRequest(jane.document(CREATE).variable("input", withCriteria(criterion("atsStatus", "CONTAINS", "New"))),
				"criteria[0]: atsStatus cannot use CONTAINS; use one of EQUALS, NOT_EQUALS, IN, EXISTS.");
		assertThat(snapshot(COLLECTIONS)).isEqualTo(before);
	}

	@Test
	void criteriaValuesMustFitTheOperator() {
		var jane = graphQlAs("jane@acme.test");
		var before = snapshot(COLLECTIONS);

		expectBadRequest(jane.document(CREATE).variable("input", withCriteria(criterion("email", "EQUALS", "a", "b"))),
				"criteria[0]: EQUALS takes exactly one value; 2 were given.");
		expectBadRequest(jane.document(CREATE).variable("input", withCriteria(criterion("email", "CONTAINS"))),
				"criteria[0]: CONTAINS takes exactly one value; none was given.");
		expectBadRequest(jane.document(CREATE).variable("input", withCriteria(criterion("atsStatus", "IN"))),
				"criteria[0]: IN takes 1 to 50 values; none was given.");
		expectBadRequest(jane.document(CREATE).variable("input", withCriteria(criterion("mobile", "EXISTS", "x"))),
				"criteria[0]: EXISTS takes no values; 1 was given.");
		expectBadRequest(jane.document(CREATE).variable("input", withCriteria(criterion("firstName", "EQUALS", " "))),
				"criteria[0]: a value is empty; write what to compare with.");
		expectBadRequest(jane.document(CREATE).variable("input", withCriteria(criterion("atsStatus", "EQUALS", "Fired"))),
				"criteria[0].values: 'Fired' is not one of your ATS statuses:");
		assertThat(snapshot(COLLECTIONS)).isEqualTo(before);
	}

	@Test
	void aNegativeOrAbsurdDelayBetweenRunsIsRefused() {
		var jane = graphQlAs("jane@acme.test");
		var before = snapshot(COLLECTIONS);

		for (int minutes : new int[] { -1, 525_601, Integer.MAX_VALUE }) {
			Map<String, Object> input = named(ctaTrigger(ctaId("Apply now"), null));
			input.put("reentryMinimumMinutes", minutes);
			expectBadRequest(jane.document(CREATE).variable("input", input),
					"reentryMinimumMinutes must be 0 to 525600 (a year; 0 means no minimum); it is " + minutes + ".");
		}
		assertThat(snapshot(COLLECTIONS)).isEqualTo(before);
	}

	@Test
	void aSenderOrTemplateOfAnotherAccountIsRefused() {
		var jane = graphQlAs("jane@acme.test");
		String id = workflowId("Graduate registration follow-up");
		String globexAdmin = idOf("users", "email", "admin@globex.test");
		String globexTemplate = idOf("chatTemplates", "name", "Open day reminder");
		String jané = idOf("users", "email", "jane@acme.test");
		String thanks = idOf("chatTemplates", "name", "Thanks for registering");
		var before = snapshot(COLLECTIONS);

		expectBadRequest(jane.document(ADD_STEP).variable("workflowId", id).variable("input", chatStep(globexAdmin, thanks)),
				"senderUserId: there is no user '" + globexAdmin + "' in your account.");
		expectBadRequest(jane.document(ADD_STEP).variable("workflowId", id).variable("input", chatStep(jané, globexTemplate)),
				"chatTemplateId: there is no chat template '" + globexTemplate + "' in your account.");
		expectBadRequest(jane.document(UPDATE_STEP).variable("workflowId", id).variable("stepId", firstStepId(id))
			.variable("input", chatStep(globexAdmin, thanks)),
				"senderUserId: there is no user '" + globexAdmin + "' in your account.");
		assertThat(snapshot(COLLECTIONS)).isEqualTo(before);
	}

	@Test
	void anInactiveSenderOrADeletedTemplateCannotBeChosen() {
		var jane = graphQlAs("jane@acme.test");
		String id = workflowId("Graduate registration follow-up");
		deactivate("sam@acme.test");
		String unused = jane.document("mutation { createChatTemplate(input: {name: \"Gone\", body: \"Bye\"}) { id } }")
			.execute()
			.path("createChatTemplate.id").entity(String.class).get();
		jane.document("mutation($id: ID!) { deleteChatTemplate(id: $id) }").variable("id", unused).execute()
			.path("deleteChatTemplate").hasValue();
		var before = snapshot(COLLECTIONS);

		expectBadRequest(jane.document(ADD_STEP).variable("workflowId", id).variable("input",
				chatStep(idOf("users", "email", "sam@acme.test"), idOf("chatTemplates", "name", "Thanks for registering"))),
				"senderUserId: Sam Taylor is inactive and cannot send; choose an active user.");
		expectBadRequest(jane.document(ADD_STEP).variable("workflowId", id).variable("input",
				chatStep(idOf("users", "email", "jane@acme.test"), unused)),
				"chatTemplateId: there is no chat template '" + unused + "' in your account.");
		assertThat(snapshot(COLLECTIONS)).isEqualTo(before);
	}

	@Test
	void stepsWithFieldsOfTheOtherKindOrOutOfRangeWaitsAreRefused() {
		var jane = graphQlAs("jane@acme.test");
		String id = workflowId("Graduate registration follow-up");
		String jané = idOf("users", "email", "jane@acme.test");
		String thanks = idOf("chatTemplates", "name", "Thanks for registering");
		var before = snapshot(COLLECTIONS);

		Map<String, Object> chatWithWait = chatStep(jané, thanks);
		chatWithWait.put("waitMinutes", 10);
		expectBadRequest(jane.document(ADD_STEP).variable("workflowId", id).variable("input", chatWithWait),
				"A CHAT_MESSAGE step takes senderUserId and chatTemplateId; remove waitMinutes (it belongs to WAIT steps).");
		expectBadRequest(jane.document(ADD_STEP).variable("workflowId", id)
			.variable("input", map("kind", "CHAT_MESSAGE", "senderUserId", jané)),
				"A CHAT_MESSAGE step needs senderUserId (who the SMS is sent as) and chatTemplateId (what it says); "
						+ "chatTemplateId is missing.");
		expectBadRequest(jane.document(ADD_STEP).variable("workflowId", id)
			.variable("input", map("kind", "WAIT", "waitMinutes", 10, "senderUserId", jané)),
				"A WAIT step takes waitMinutes only; remove senderUserId (they belong to CHAT_MESSAGE steps).");
		expectBadRequest(jane.document(ADD_STEP).variable("workflowId", id).variable("input", map("kind", "WAIT")),
				"waitMinutes must be 1 to 43200 (30 days) for a WAIT step.");
		for (int minutes : new int[] { 0, -5, 43_201 }) {
			expectBadRequest(jane.document(ADD_STEP).variable("workflowId", id)
				.variable("input", map("kind", "WAIT", "waitMinutes", minutes)),
					"waitMinutes must be 1 to 43200 (30 days); it is " + minutes + ".");
		}
		assertThat(snapshot(COLLECTIONS)).isEqualTo(before);
	}

	@Test
	void stepPositionsOutOfRangeAndUnknownStepsAreRefused() {
		var jane = graphQlAs("jane@acme.test");
		String id = workflowId("Graduate registration follow-up");
		String step = firstStepId(id);
		var before = snapshot(COLLECTIONS);
		Map<String, Object> wait = map("kind", "WAIT", "waitMinutes", 5);

		expectBadRequest(jane.document(ADD_STEP).variable("workflowId", id).variable("input", wait).variable("position", 2),
				"position must be 0 to 1 (0 is first, 1 appends); it is 2.");
		expectBadRequest(jane.document(ADD_STEP).variable("workflowId", id).variable("input", wait).variable("position", -1),
				"position must be 0 to 1 (0 is first, 1 appends); it is -1.");
		expectBadRequest(jane.document(MOVE_STEP).variable("workflowId", id).variable("stepId", step).variable("position", 1),
				"position must be 0 to 0 (0 is first); it is 1.");
		String unknown = "0123456789abcdef01234567";
		for (var request : List.of(
				jane.document(UPDATE_STEP).variable("workflowId", id).variable("stepId", unknown).variable("input", wait),
				jane.document(REMOVE_STEP).variable("workflowId", id).variable("stepId", unknown),
				jane.document(MOVE_STEP).variable("workflowId", id).variable("stepId", unknown).variable("position", 0))) {
			request.execute().errors().satisfy(errors -> assertError(errors, ErrorType.NOT_FOUND,
					"Workflow step '" + unknown + "' was not found."));
		}
		assertThat(snapshot(COLLECTIONS)).isEqualTo(before);
	}

	@Test
	void globexCannotReadChangePauseCopyOrDeleteAcmeWorkflows() {
		var globex = graphQlAs("admin@globex.test");
		String id = workflowId("Graduate registration follow-up");
		String step = firstStepId(id);
		String notFound = "Workflow '" + id + "' was not found.";
		Map<String, Object> globexStep = chatStep(idOf("users", "email", "admin@globex.test"),
				idOf("chatTemplates", "name", "Open day reminder"));
		var before = snapshot(COLLECTIONS);

		for (var request : List.of(globex.document(GET).variable("id", id),
				globex.document(UPDATE).variable("id", id)
					.variable("input", map("name", "Hijacked", "trigger", ctaTrigger(ctaId("Book a seat"), null))),
				globex.document(DELETE).variable("id", id), globex.document(PAUSE).variable("id", id),
				globex.document(RESUME).variable("id", id), globex.document(COPY).variable("id", id),
				globex.document(ADD_STEP).variable("workflowId", id).variable("input", globexStep),
				globex.document(UPDATE_STEP).variable("workflowId", id).variable("stepId", step)
					.variable("input", globexStep),
				globex.document(REMOVE_STEP).variable("workflowId", id).variable("stepId", step),
				globex.document(MOVE_STEP).variable("workflowId", id).variable("stepId", step).variable("position", 0))) {
			request.execute().errors().satisfy(errors -> assertError(errors, ErrorType.NOT_FOUND, notFound));
		}
		globex.document(LIST).execute()
			.path("workflows[*].name").entityList(String.class).containsExactly("Open day seat booked");
		assertThat(snapshot(COLLECTIONS)).isEqualTo(before);
	}

	// Helpers

	private String workflowId(String name) {
		return idOf("workflows", "name", name);
	}

	private String firstStepId(String workflowId) {
		return stepIds(workflowId).getFirst();
	}

	private List<String> stepIds(String workflowId) {
		return workflowDocument(workflowId).getList("steps", Document.class)
			.stream()
			.map(step -> String.valueOf(step.containsKey("_id") ? step.get("_id") : step.get("id")))
			.toList();
	}

	private Document workflowNamed(String name) {
		return this.mongo.getCollection("workflows").find(new Document("name", name)).first();
	}

	private Document workflowDocument(String id) {
		return this.mongo.getCollection("workflows").find(new Document("_id", new ObjectId(id))).first();
	}

	private void deactivate(String email) {
		this.mongo.getCollection("users")
			.updateOne(new Document("email", email), new Document("$set", new Document("active", false)));
	}

	private static void expectBadRequest(HttpGraphQlTester.Request<?> request, String message) {
		request.execute().errors().satisfy(errors -> assertError(errors, ErrorType.BAD_REQUEST, message));
	}

	private static void assertError(List<ResponseError> errors, ErrorType type, String message) {
		assertThat(errors).hasSize(1);
		assertThat(errors.getFirst().getErrorType()).isEqualTo(type);
		assertThat(errors.getFirst().getMessage()).contains(message);
	}

	private static void assertConflict(List<ResponseError> errors, String message) {
		assertError(errors, ErrorType.BAD_REQUEST, message);
		assertThat(errors.getFirst().getExtensions()).containsEntry("code", "CONFLICT");
	}

	/** Sends the requests at the same moment, one thread each, and returns each one's errors. */
	private static List<List<ResponseError>> concurrently(int count,
			IntFunction<HttpGraphQlTester.Request<?>> request) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<List<ResponseError>>> futures = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(count)) {
			for (int i = 0; i < count; i++) {
				HttpGraphQlTester.Request<?> prepared = request.apply(i);
				Callable<List<ResponseError>> send = () -> {
					start.await();
					List<ResponseError> errors = new ArrayList<>();
					prepared.execute().errors().satisfy(errors::addAll);
					return errors;
				};
				futures.add(threads.submit(send));
			}
			start.countDown();
			List<List<ResponseError>> outcomes = new ArrayList<>();
			for (Future<List<ResponseError>> future : futures) {
				outcomes.add(future.get(30, TimeUnit.SECONDS));
			}
			return outcomes;
		}
	}

	private Map<String, Object> named(Map<String, Object> trigger) {
		return map("name", "Bad input", "trigger", trigger);
	}

	private Map<String, Object> withCriteria(Map<?, ?>... criteria) {
		return map("name", "Bad input", "trigger", ctaTrigger(ctaId("Apply now"), null), "criteria", List.of(criteria));
	}

	private static Map<String, Object> ctaTrigger(String ctaId, String webCampaignId) {
		return map("type", "CTA_COMPLETED", "ctaId", ctaId, "webCampaignId", webCampaignId);
	}

	private static Map<String, Object> chatStep(String senderUserId, String chatTemplateId) {
		return map("kind", "CHAT_MESSAGE", "senderUserId", senderUserId, "chatTemplateId", chatTemplateId);
	}

	private static Map<String, Object> criterion(String field, String operator, String... values) {
		return map("field", field, "operator", operator, "values", List.of(values));
	}

	/** A mutable map that, unlike Map.of, keeps its order and takes nulls (sent as JSON null). */
	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
