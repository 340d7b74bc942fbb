package io.incidenttimeline.api.subscriber;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Sends one delivery: POST of the stored body, signed, with its delivery id. Redirects are not followed (a redirect
 * could lead anywhere, past the address check); the connection and the answer each have a time limit, and the
 * answer's body is not read.
 */
@Component
class WebhookSender {

    static final String DELIVERY_HEADER = "X-Incident-Timeline-Delivery";
    static final String EVENT_HEADER = "X-Incident-Timeline-Event";

    private final WebhookAddresses addresses;
    private final Duration readTimeout;
    private final HttpClient http;

    WebhookSender(WebhookAddresses addresses, WebhookProperties properties) {
        this.addresses = addresses;
        this.readTimeout = properties.delivery().readTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(properties.delivery().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The attempt's outcome; throws InterruptedException when the application stops mid-send (nothing recorded). */
    Attempt send(DeliveryOutbox.DueDelivery delivery) throws InterruptedException {
        URI uri = URI.create(delivery.url());
        try {
            addresses.checkBeforeSending(uri);
        } catch (WebhookAddresses.Refused refused) {
            return Attempt.refused(refused.getMessage());
        } catch (UnknownHostException e) {
            return Attempt.failed("the host " + uri.getHost() + " does not resolve", 0);
        }
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "incident-timeline-webhooks")
                .header(WebhookSignature.HEADER, WebhookSignature.of(delivery.secret(), body))
                .header(DELIVERY_HEADER, delivery.deliveryId())
                .header(EVENT_HEADER, delivery.kind())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return Attempt.answered(response.statusCode(), retryAfter(response), elapsed(started));
        } catch (HttpTimeoutException e) {
            return Attempt.failed("no answer within " + readTimeout.toMillis() + " ms", elapsed(started));
        } catch (IOException e) {
            return Attempt.failed(describe(e), elapsed(started));
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        int status = response.statusCode();
        if (status != 429 && status != 503) {
            return null;
        }
        return response.headers().firstValue("Retry-After").filter(v -> v.matches("\\d{1,9}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
