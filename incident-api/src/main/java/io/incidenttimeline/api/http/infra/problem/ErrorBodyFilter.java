package io.incidenttimeline.api.http.infra.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every error answer has a problem+json body: one that leaves the chain without a body (Actuator's 404 for a health
 * component an anonymous caller may not see, a {@code sendError} anywhere) gets the problem of its status. Runs
 * outside Spring Security, so its refusals are covered too; the problems written elsewhere pass unchanged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ErrorBodyFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    ErrorBodyFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BodyTracking tracked = new BodyTracking(response);
        chain.doFilter(request, tracked);
        HttpStatus status = HttpStatus.resolve(tracked.getStatus());
        if (status != null && status.isError() && !tracked.wrote && !response.isCommitted()
                && !request.isAsyncStarted()) {
            problems.writeStatus(request.getMethod(), request.getRequestURI(), response, status);
        }
    }

    /** Notes whether a body was written, and turns {@code sendError} into a status the filter gives a body. */
    private static final class BodyTracking extends HttpServletResponseWrapper {

        private boolean wrote;
        private ServletOutputStream stream;
        private PrintWriter writer;

        BodyTracking(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) {
            if (isCommitted()) {
                throw new IllegalStateException("the response is committed already");
            }
            resetBuffer();
            wrote = false;
            setStatus(status);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new TrackedStream(super.getOutputStream());
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                Writer delegate = super.getWriter();
                writer = new PrintWriter(new Writer() {
                    @Override
                    public void write(char[] buffer, int offset, int length) throws IOException {
                        wrote |= length > 0;
                        delegate.write(buffer, offset, length);
                    }

                    @Override
                    public void flush() throws IOException {
                        delegate.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        delegate.close();
                    }
                });
            }
            return writer;
        }

        private final class TrackedStream extends ServletOutputStream {

            private final ServletOutputStream delegate;

            TrackedStream(ServletOutputStream delegate) {
                this.delegate = delegate;
            }

            @Override
            public void write(int b) throws IOException {
                wrote = true;
                delegate.write(b);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                wrote |= length > 0;
                delegate.write(buffer, offset, length);
            }

            @Override
            public void flush() throws IOException {
                delegate.flush();
            }

            @Override
            public void close() throws IOException {
                delegate.close();
            }

            @Override
            public boolean isReady() {
                return delegate.isReady();
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                delegate.setWriteListener(listener);
            }
        }
    }
}
