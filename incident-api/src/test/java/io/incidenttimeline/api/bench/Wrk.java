package io.incidenttimeline.api.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (the Debian package) with fixed settings and reads requests/s and the p50/p99 latencies it prints. */
final class Wrk {

    static final int THREADS = 2;
    static final int CONNECTIONS = 8;

    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long non2xx) {
    }

    private Wrk() {
    }

    static List<String> command(String url, int seconds) {
        return List.of("wrk", "-t" + THREADS, "-c" + CONNECTIONS, "-d" + seconds + "s", "--latency", url);
    }

    static Result run(String url, int seconds) {
        String output;
        try {
            Process process = new ProcessBuilder(command(url, seconds)).redirectErrorStream(true).start();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("wrk failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("wrk is needed (apt-get install wrk)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(output);
        return new Result(number(output, "Requests/sec:\\s+([0-9.]+)"), millis(output, "50%"), millis(output, "99%"),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0);
    }

    private static double number(String output, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + regex + " in wrk's output: " + output);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static double millis(String output, String percentile) {
        Matcher matcher = Pattern.compile("\\s" + percentile + "\\s+([0-9.]+)(us|ms|s)").matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + percentile + " latency in wrk's output: " + output);
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
