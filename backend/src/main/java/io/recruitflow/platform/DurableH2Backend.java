package io.recruitflow.platform;

import java.util.Locale;
import java.util.Set;

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

	DurableH2Backend(String fileName) {
		super(fileName);
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		Document result = super.handleCommand(channel, databaseName, command, query);
		if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
			commit();
		}
		return result;
	}

}
