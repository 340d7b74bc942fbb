package io.incidenttimeline.api.page;

/** No public page exists at the address asked for. */
class PageNotFound extends RuntimeException {

    PageNotFound(String message) {
        super(message);
    }
}
