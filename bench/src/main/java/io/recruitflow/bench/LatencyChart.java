package io.recruitflow.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

/** One PNG: p50, p95 and p99 latency per scenario as grouped bars on a log scale. */
final class LatencyChart {

	private LatencyChart() {
	}

	static void write(Map<String, Stats> scenarios, Path file) throws IOException {
		System.setProperty("java.awt.headless", "true");
		int width = 160 + 150 * Math.max(1, scenarios.size());
		int height = 460;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.DARK_GRAY);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
		g.drawString("RecruitFlow latency percentiles (ms, log scale)", 20, 28);
		int left = 70;
		int top = 50;
		int bottom = height - 90;
		double maxLog = Math.log10(Math.max(10, scenarios.values().stream().mapToDouble(Stats::p99).max().orElse(10) * 1.5));
		double minLog = -1;
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		for (double tick = 0.1; tick <= Math.pow(10, maxLog); tick *= 10) {
			int y = y(tick, minLog, maxLog, top, bottom);
			g.setColor(new Color(225, 225, 225));
			g.drawLine(left, y, width - 20, y);
			g.setColor(Color.GRAY);
			g.drawString(tick < 1 ? "0.1" : String.format("%.0f", tick), 20, y + 4);
		}
		Color[] colors = { new Color(76, 175, 80), new Color(255, 152, 0), new Color(229, 57, 53) };
		String[] names = { "p50", "p95", "p99" };
		int x = left + 20;
		for (Map.Entry<String, Stats> scenario : scenarios.entrySet()) {
			double[] values = { scenario.getValue().p50(), scenario.getValue().p95(), scenario.getValue().p99() };
			for (int i = 0; i < 3; i++) {
				int barTop = y(Math.max(0.1, values[i]), minLog, maxLog, top, bottom);
				g.setColor(colors[i]);
				g.fillRect(x + i * 34, barTop, 28, bottom - barTop);
				g.setColor(Color.DARK_GRAY);
				g.drawString(String.format("%.0f", values[i]), x + i * 34, barTop - 4);
			}
			g.drawString(scenario.getKey(), x, bottom + 18);
			x += 150;
		}
		g.setStroke(new BasicStroke(1));
		g.setColor(Color.DARK_GRAY);
		g.drawLine(left, bottom, width - 20, bottom);
		for (int i = 0; i < 3; i++) {
			g.setColor(colors[i]);
			g.fillRect(left + i * 70, height - 40, 14, 14);
			g.setColor(Color.DARK_GRAY);
			g.drawString(names[i], left + i * 70 + 20, height - 28);
		}
		g.dispose();
		ImageIO.write(image, "png", file.toFile());
	}

	private static int y(double value, double minLog, double maxLog, int top, int bottom) {
		double ratio = (Math.log10(value) - minLog) / (maxLog - minLog);
		return (int) (bottom - ratio * (bottom - top));
	}

}
