package io.recruitflow.account;

public enum Role {

	ADMIN, RECRUITER

}
