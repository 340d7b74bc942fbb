package io.incidenttimeline.api.http.infra.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Type;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Reads JSON bodies with {@link StrictJson}, decoded as UTF-8 (RFC 8259) that refuses every malformed byte sequence
 * (overlong forms, encoded surrogates, Latin-1 bytes) instead of replacing or reinterpreting it. A charset parameter,
 * which has no meaning for JSON, does not change that. Writing is Spring's own.
 */
public class StrictJsonConverter extends MappingJackson2HttpMessageConverter {

    public StrictJsonConverter(ObjectMapper webObjectMapper) {
        super(StrictJson.of(webObjectMapper));
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
        return readStrictly(getJavaType(type, contextClass), input);
    }

    @Override
    protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
        return readStrictly(getJavaType(type, null), input);
    }

    private Object readStrictly(JavaType type, HttpInputMessage input) throws IOException {
        Reader utf8 = new InputStreamReader(input.getBody(), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try {
            return customizeReader(getObjectMapper().readerFor(type), type).readValue(utf8);
        } catch (InvalidDefinitionException e) {
            throw new HttpMessageConversionException("Type definition error: " + e.getType(), e);
        } catch (JsonProcessingException e) {
            throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e, input);
        } catch (CharacterCodingException e) {
            throw new HttpMessageNotReadableException("the body is not UTF-8", e, input);
        }
    }
}
