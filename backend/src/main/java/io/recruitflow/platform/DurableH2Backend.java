package io.recruitflow.platform;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The embedded server's H2 store, committed after every write. H2's MVStore otherwise commits in
 * the background about once a second, so a killed process would lose the last second of writes
 * it had already acknowledged — an acknowledged trigger event gone, or a "sent" mark undone and
 * the SMS sent again. A commit writes to the file (the operating system keeps it across a killed
 * process); it does not force it to disk, so a power cut can still lose the last moments, which
 * is why production runs on a real MongoDB replica set.
 */
final class DurableH2Backend extends H2Backend {

	private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
			"dropindexes", "drop", "dropdatabase", "create", "renamecollection");

	/** Writes completed so far, and how many of them the last commit covered. */
	private final AtomicLong completedWrites = new AtomicLong();

	private final Object commitLock = new Object();

	private long committedWrites;

	DurableH2Backend(String fileName) {
		super(fileName);
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		Document result = super.handleCommand(channel, databaseName, command, query);
		if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
			commitThrough(this.completedWrites.incrementAndGet());
		}
		return result;
	}

	/**
	 * Group commit: a writer that waited while another commit ran usually finds its write already
	 * covered, so concurrent writers share one commit instead of queueing one each.
	 */
	private void commitThrough(long write) {
		synchronized (this.commitLock) {
			if (this.committedWrites >= write) {
				return;
			}
			long covered = this.completedWrites.get();
			commit();
			this.committedWrites = covered;
		}
	}

}
