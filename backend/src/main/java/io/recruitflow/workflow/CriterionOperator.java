package io.recruitflow.workflow;

/** EQUALS, NOT_EQUALS and CONTAINS take one value, IN one or more, EXISTS none. */
public enum CriterionOperator {

	EQUALS, NOT_EQUALS, IN, CONTAINS, EXISTS

}
