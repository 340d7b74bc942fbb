package io.incidenttimeline.api.subscriber;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver on 127.0.0.1 (the JDK's server): records every request and answers with a status, optionally
 * failing the first attempts of each delivery.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived; header names in lower case. */
    record Received(Instant at, Map<String, String> headers, byte[] rawBody, int answeredWith) {

        String body() {
            return new String(rawBody, StandardCharsets.UTF_8);
        }

        String deliveryId() {
            return headers.get("x-incident-timeline-delivery");
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attemptsByDelivery = new ConcurrentHashMap<>();
    private volatile int status = 200;
    private volatile int failFirst;
    private volatile int failWith = 500;

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            String delivery = headers.getOrDefault("x-incident-timeline-delivery", "");
            int attempt = attemptsByDelivery.computeIfAbsent(delivery, d -> new AtomicInteger()).incrementAndGet();
            int answer = attempt <= failFirst ? failWith : status;
            received.add(new Received(Instant.now(), Map.copyOf(headers), body, answer));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Every later request is answered with this status. */
    WebhookReceiver answering(int status) {
        this.status = status;
        return this;
    }

    /** The first {@code attempts} requests of every delivery are answered with {@code failure}. */
    WebhookReceiver failingFirst(int attempts, int failure) {
        this.failFirst = attempts;
        this.failWith = failure;
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
