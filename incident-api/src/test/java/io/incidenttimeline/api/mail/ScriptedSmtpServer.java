package io.incidenttimeline.api.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server that answers RCPT TO with a scripted reply (a 4xx or a 5xx that real servers give and GreenMail
 * cannot be made to), and everything else with success. It sees the external boundary exactly as a server would.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String rcptReply;
    private final AtomicInteger rcpts = new AtomicInteger();
    private final Thread thread;

    ScriptedSmtpServer(int port, String rcptReply) throws IOException {
        this.socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        this.rcptReply = rcptReply;
        this.thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** How many RCPT TO commands it has refused. */
    int refusals() {
        return rcpts.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setSoTimeout(5000);
                converse(client);
            } catch (IOException closedOrBroken) {
                // the next connection, or the end
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
        reply(out, "220 scripted.test ESMTP");
        boolean data = false;
        for (String line; (line = in.readLine()) != null; ) {
            if (data) {
                if (line.equals(".")) {
                    data = false;
                    reply(out, "250 2.0.0 queued");
                }
                continue;
            }
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
            switch (command) {
                case "EHLO", "HELO" -> reply(out, "250 scripted.test");
                case "RCPT" -> {
                    rcpts.incrementAndGet();
                    reply(out, rcptReply);
                }
                case "DATA" -> {
                    data = true;
                    reply(out, "354 go ahead");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 2.0.0 ok");
            }
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
