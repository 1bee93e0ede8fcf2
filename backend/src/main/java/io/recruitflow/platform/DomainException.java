package io.recruitflow.platform;

/**
 * An expected failure whose message a person can act on. The GraphQL layer maps each subclass to
 * an error classification; nothing below the message (no stack trace, no class name) reaches the
 * caller.
 */
public abstract sealed class DomainException extends RuntimeException
		permits DomainException.BadRequest, DomainException.NotFound, DomainException.Forbidden,
		DomainException.Conflict {

	protected DomainException(String message) {
		super(message);
	}

	/** The input is wrong; the message names the field and what would be accepted. */
	public static final class BadRequest extends DomainException {

		public BadRequest(String message) {
			super(message);
		}

	}

	/** Missing, or belonging to another account: the two are indistinguishable on purpose. */
	public static final class NotFound extends DomainException {

		public NotFound(String what, String id) {
			super(what + " '" + id + "' was not found.");
		}

	}

	/** Signed in, but this role may not do that. */
	public static final class Forbidden extends DomainException {

		public Forbidden(String message) {
			super(message);
		}

	}

	/** A stale edit or a state that no longer allows the change; reload and try again. */
	public static final class Conflict extends DomainException {

		public Conflict(String message) {
			super(message);
		}

	}

}
