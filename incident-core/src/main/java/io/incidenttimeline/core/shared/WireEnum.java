package io.incidenttimeline.core.shared;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enum whose JSON and HTTP form is a lower-case snake_case word, part of the public contract. */
public interface WireEnum {

    String wire();

    static <E extends Enum<E> & WireEnum> Optional<E> parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.wire().equals(value)).findFirst();
    }

    static <E extends Enum<E> & WireEnum> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).collect(Collectors.joining(", "));
    }

    static <E extends Enum<E> & WireEnum> E fromWire(Class<E> type, String value) {
        return parse(type, value).orElseThrow(() -> new IllegalArgumentException(
                "'" + value + "' is not one of: " + allowed(type)));
    }
}
