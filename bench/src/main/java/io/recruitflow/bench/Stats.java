package io.recruitflow.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latency percentiles in milliseconds. */
record Stats(int count, double p50, double p95, double p99, double max) {

	static Stats of(Collection<Double> millis) {
		if (millis.isEmpty()) {
			return new Stats(0, 0, 0, 0, 0);
		}
		double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		return new Stats(sorted.length, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1]);
	}

	private static double at(double[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("count", this.count);
		map.put("p50Ms", round(this.p50));
		map.put("p95Ms", round(this.p95));
		map.put("p99Ms", round(this.p99));
		map.put("maxMs", round(this.max));
		return map;
	}

	static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	@Override
	public String toString() {
		return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (n=%d)", this.p50, this.p95, this.p99, this.count);
	}

}
