package io.recruitflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the rest of the machine did while the app was measured: the benchmark's own CPU (its
 * subscribers, webhook senders and stub run on the same two cores as the app) and how busy the
 * cores were in all. A latency figure taken on saturated cores says more about the machine than
 * about the app, so the summary shows both beside it.
 */
record MachineCpu(long benchmarkMillis, long busyTicks, long totalTicks) {

	static MachineCpu now() {
		long benchmark = cpuMillisOf(ProcessHandle.current().pid());
		try {
			String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
			long total = 0;
			// user nice system idle iowait irq softirq steal: idle and iowait are the cores waiting.
			for (int field = 1; field <= 8 && field < cpu.length; field++) {
				total += Long.parseLong(cpu[field]);
			}
			long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
			return new MachineCpu(benchmark, total - idle, total);
		}
		catch (IOException | RuntimeException ex) {
			return new MachineCpu(benchmark, -1, -1);
		}
	}

	/** CPU time a process has used so far (user + system, from /proc/PID/stat); -1 when unreadable. */
	static long cpuMillisOf(long pid) {
		try {
			return cpuMillis(Path.of("/proc", Long.toString(pid), "stat"));
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/** CPU time (user + system) in a process's or thread's {@code stat} file. */
	static long cpuMillis(Path stat) throws IOException {
		String text = Files.readString(stat);
		String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
		long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
	}

	/** The benchmark's CPU since {@code before}, in milliseconds per unit of work done meanwhile. */
	double benchmarkMillisPer(MachineCpu before, int units) {
		return (this.benchmarkMillis - before.benchmarkMillis) / (double) units;
	}

	/** The share (0–100) of all cores' time that was busy since {@code before}; -1 when unknown. */
	long busyPercentSince(MachineCpu before) {
		long total = this.totalTicks - before.totalTicks;
		if (this.totalTicks < 0 || before.totalTicks < 0 || total <= 0) {
			return -1;
		}
		return Math.round(100.0 * (this.busyTicks - before.busyTicks) / total);
	}

	/** USER_HZ, which Linux fixes at 100 for /proc on every architecture this runs on. */
	private static final long CLOCK_TICKS_PER_SECOND = 100;

}
