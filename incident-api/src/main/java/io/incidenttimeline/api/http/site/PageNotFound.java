package io.incidenttimeline.api.http.site;

/** No public page exists at the address asked for. */
class PageNotFound extends RuntimeException {

    PageNotFound(String message) {
        super(message);
    }
}
