package io.incidenttimeline.api.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's nginx serving given bytes as a static file, on its own port with its own configuration and prefix in a
 * scratch directory: the baseline of figure 3. It sends the same Cache-Control as the application and nginx's own
 * ETag; one worker per core.
 */
final class Nginx implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path dir;

    Nginx(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("www/api/v2"));
        Files.createDirectories(dir.resolve("logs"));
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                daemon off;
                user root;
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/tmp;
                    proxy_temp_path %1$s/tmp;
                    fastcgi_temp_path %1$s/tmp;
                    uwsgi_temp_path %1$s/tmp;
                    scgi_temp_path %1$s/tmp;
                    default_type application/json;
                    server {
                        listen 127.0.0.1:%2$d;
                        root %1$s/www;
                        location / { add_header Cache-Control "public, no-cache"; }
                    }
                }
                """.formatted(dir.toAbsolutePath(), port));
        Files.createDirectories(dir.resolve("tmp"));
        try {
            process = new ProcessBuilder("nginx", "-c", conf.toString(), "-p", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("nginx is needed (apt-get install nginx)", e);
        }
        for (int i = 0; i < 100; i++) {
            try (var ignored = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("logs/stdout.log")));
    }

    /** Serves {@code body} at /api/v2/summary.json and returns its URL. */
    String serve(byte[] body) throws IOException {
        Files.write(dir.resolve("www/api/v2/summary.json"), body);
        return "http://127.0.0.1:" + port + "/api/v2/summary.json";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
