package io.recruitflow.account;

public record SmsNumberView(String number, Kind kind, UserView user, String fromName) {

	public enum Kind {

		COMPANY, USER

	}

}
