package io.incidenttimeline.api.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local SMTP server for the mail bench that accepts every mail and counts it, a thread per connection. It offers
 * PIPELINING (RFC 2920) and answers a pipelined group in order, as a real server does; it keeps nothing, so that the
 * figures measure the sending side rather than a test server's mailbox store (GreenMail keeps a mailbox per recipient
 * and lists them all to count).
 */
public final class SinkSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();

    public SinkSmtpServer() throws IOException {
        socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        Thread acceptor = new Thread(this::serve, "sink-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public int received() {
        return received.get();
    }

    public int connections() {
        return connections.get();
    }

    public void reset() {
        received.set(0);
        connections.set(0);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread conversation = new Thread(() -> converse(client), "sink-smtp-client");
                conversation.setDaemon(true);
                conversation.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.ISO_8859_1), 65536);
            OutputStream out = client.getOutputStream();
            StringBuilder replies = new StringBuilder();
            reply(out, replies.append("220 sink.bench ESMTP\r\n"));
            boolean data = false;
            for (String line; (line = in.readLine()) != null; ) {
                if (data) {
                    if (line.equals(".")) {
                        data = false;
                        received.incrementAndGet();
                        replies.append("250 2.0.0 queued\r\n");
                    }
                } else {
                    String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                    switch (command) {
                        case "EHLO" -> replies.append("250-sink.bench\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n");
                        case "DATA" -> {
                            data = true;
                            replies.append("354 go ahead\r\n");
                        }
                        case "QUIT" -> {
                            reply(out, replies.append("221 bye\r\n"));
                            return;
                        }
                        default -> replies.append("250 2.0.0 ok\r\n");
                    }
                }
                // a pipelining client sends a group of commands at once: answer once it has sent all it has
                if (!in.ready()) {
                    reply(out, replies);
                }
            }
        } catch (IOException broken) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, StringBuilder replies) throws IOException {
        if (!replies.isEmpty()) {
            out.write(replies.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            replies.setLength(0);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
