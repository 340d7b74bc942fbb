package io.incidenttimeline.core.shared;

import io.incidenttimeline.core.shared.CommandRejected.Reason;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Matches a {@link CommandRejected} by its reason, its stable type slug and the field it names. */
public final class Rejections {

    private Rejections() {
    }

    public static Matcher<CommandRejected> invalidInput(String type, String field) {
        return rejected(Reason.INVALID_INPUT, type, field);
    }

    public static Matcher<CommandRejected> ruleViolation(String type, String field) {
        return rejected(Reason.RULE_VIOLATION, type, field);
    }

    public static Matcher<CommandRejected> notFound(String type, String field) {
        return rejected(Reason.NOT_FOUND, type, field);
    }

    public static Matcher<CommandRejected> rejected(Reason reason, String type, String field) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejected rejection, Description mismatch) {
                mismatch.appendText("was rejected with reason ").appendValue(rejection.reason())
                        .appendText(", type ").appendValue(rejection.type())
                        .appendText(", field ").appendValue(rejection.field())
                        .appendText(": ").appendText(String.valueOf(rejection.getMessage()));
                return rejection.reason() == reason && type.equals(rejection.type()) && field.equals(rejection.field())
                        && rejection.getMessage() != null && !rejection.getMessage().isBlank();
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a command rejected with reason ").appendValue(reason)
                        .appendText(", type ").appendValue(type)
                        .appendText(", field ").appendValue(field)
                        .appendText(" and a message");
            }
        };
    }
}
