package io.incidenttimeline.api.http.infra.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.type.MapType;
import com.fasterxml.jackson.databind.util.AccessPattern;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * How request bodies are read: as the OpenAPI description types them and nothing else. Each JSON value has exactly
 * the type of its field (no {@code true} or {@code 123} for a string, no {@code "30"} or {@code 1.5} for an integer, no
 * epoch number for a timestamp, no {@code ""} for an absent value), {@code null} is never a value (an optional field
 * is left out), a field appears once per object, the body holds one JSON value and nothing after it, and every string
 * is Unicode text (no unpaired surrogate). Responses are written as by the mapper this one is copied from.
 */
public final class StrictJson {

    private StrictJson() {
    }

    static ObjectMapper of(ObjectMapper base) {
        ObjectMapper strict = base.copy();
        strict.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        strict.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        strict.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        strict.coercionConfigDefaults().setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            strict.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return strict.registerModule(strictValues());
    }

    /** A string that is not Unicode text; {@link #getOriginalMessage()} says why. */
    public static final class NotText extends MismatchedInputException {
        NotText(JsonParser parser) {
            this(parser, "contains an unpaired UTF-16 surrogate (a \\ud800-\\udfff escape without its pair), which is "
                    + "no character; send valid Unicode text");
        }

        NotText(JsonParser parser, String reason) {
            super(parser, reason);
        }
    }

    private static SimpleModule strictValues() {
        SimpleModule module = new SimpleModule("strict-request-values");
        module.addDeserializer(String.class, new TextOnly());
        module.addKeyDeserializer(String.class, new TextKeys());
        // java.time reads numbers as epoch seconds and ignores coercion configs: only ISO-8601 text is a time here
        module.addDeserializer(Instant.class, new StringShaped<>(Instant.class, InstantDeserializer.INSTANT,
                Pattern.compile("[0-9]{4}-.*", Pattern.DOTALL)));
        // java.time's reader takes a date-time for a date, dropping its time
        module.addDeserializer(LocalDate.class, new StringShaped<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}")));
        module.setDeserializerModifier(new NullRefusing());
        return module;
    }

    private static String checked(JsonParser parser, String value) throws MismatchedInputException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new NotText(parser);
            }
        }
        return value;
    }

    private static final class TextOnly extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            return value == null ? null : checked(parser, value);
        }
    }

    private static final class TextKeys extends KeyDeserializer {
        private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            // every key of this API is an id or a label name; a NUL is not even storable in PostgreSQL text
            if (CONTROL.matcher(key).find()) {
                throw new NotText(context.getParser(), "has a key with a control character, which no key holds");
            }
            return checked(context.getParser(), key);
        }
    }

    private static final class StringShaped<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final JsonDeserializer<T> fromText;
        private final Pattern shape;

        StringShaped(Class<T> type, JsonDeserializer<T> fromText, Pattern shape) {
            this.type = type;
            this.fromText = fromText;
            this.shape = shape;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(type, parser);
            }
            // java.time reads years beyond 9999 (+10000-01-01, -999999999-...); RFC 3339 has four digits
            if (!shape.matcher(parser.getText()).matches()) {
                throw context.weirdStringException(parser.getText(), type,
                        "not in RFC 3339 form, which has a four-digit year: 2024-07-05, 2024-07-05T10:54:00Z");
            }
            return fromText.deserialize(parser, context);
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }

    /**
     * Every deserializer refuses an explicit {@code null}, in a field, a list or a map, while an absent field still
     * reads as absent: Jackson asks a value's deserializer for the null value and, separately, for the absent one.
     */
    private static final class NullRefusing extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
                                                      JsonDeserializer<?> deserializer) {
            return new NoNull(deserializer);
        }

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                          BeanDescription bean, JsonDeserializer<?> deserializer) {
            return new NoNull(deserializer);
        }

        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                BeanDescription bean, JsonDeserializer<?> deserializer) {
            return new NoNull(deserializer);
        }

        @Override
        public JsonDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
                                                         BeanDescription bean, JsonDeserializer<?> deserializer) {
            return new NoNull(deserializer);
        }
    }

    private static final class NoNull extends DelegatingDeserializer {
        NoNull(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new NoNull(delegate);
        }

        @Override
        public Object getNullValue(DeserializationContext context) throws JsonMappingException {
            throw InvalidNullException.from(context, null, context.constructType(handledType()));
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.DYNAMIC;
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }
    }
}
