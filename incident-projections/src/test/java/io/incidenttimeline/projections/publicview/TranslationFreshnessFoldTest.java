package io.incidenttimeline.projections.publicview;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.core.incident.PostMortemSections;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.PostMortemPublished;
import io.incidenttimeline.core.incident.event.TranslationAdded;
import io.incidenttimeline.core.incident.event.UpdateAmended;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.incident.event.UpdateRetracted;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.projections.support.ReadModelJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A translation is shown only while it translates what the original says now, and only public texts count. */
class TranslationFreshnessFoldTest {

    private static final String ID = "inc-translated";
    private static final Instant T0 = Instant.parse("2024-07-05T13:31:00Z");

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static List<Object> history(Object... more) {
        List<Object> events = new ArrayList<>(List.of(
                new IncidentDeclared(ID, "Uploads fail", "en", Impact.MAJOR, Map.of(), List.of(), T0, T0),
                new UpdatePosted(ID, "u1", IncidentStatus.INVESTIGATING, "Uploads fail.", Visibility.PUBLIC, Map.of(),
                        null, at(1), at(1)),
                new UpdatePosted(ID, "u2", IncidentStatus.IDENTIFIED, "A setting was wrong.", Visibility.PUBLIC,
                        Map.of(), null, at(2), at(2)),
                new UpdatePosted(ID, "secret", IncidentStatus.IDENTIFIED, "Internal note.", Visibility.INTERNAL,
                        Map.of(), null, at(3), at(3)),
                translation(Map.of("u1", "Hochladen schlägt fehl.", "u2", "Eine Einstellung war falsch."), null, at(4))));
        events.addAll(List.of(more));
        return events;
    }

    private static TranslationAdded translation(Map<String, String> updates, PostMortemSections postMortem, Instant at) {
        return new TranslationAdded(ID, "de", true, "engine", null, updates, postMortem, at, at);
    }

    private static PostMortemPublished postMortem(int revision, String rootCause, Instant at) {
        return new PostMortemPublished(ID, revision, "Summary.", rootCause, "Rolled back.", List.of(), at, at);
    }

    @Test
    void anAmendmentOutdatesTheTranslationOfThatUpdateAndOnlyThat() {
        PublicIncident state = PublicIncidentFold.fold(history(
                new UpdateAmended(ID, "u1", "Uploads to EU buckets fail.", "scope", at(5), at(5))));

        PublicTranslation german = state.translations().get("de");
        assertThat(german.updates()).containsOnlyKeys("u2");
        assertThat(german.outdatedUpdates()).containsExactly("u1");
        assertThat(ReadModelJson.write(state)).doesNotContain("Hochladen schlägt fehl.");
    }

    @Test
    void renewingTheTranslationAfterTheAmendmentMakesItCurrentAgain() {
        PublicIncident state = PublicIncidentFold.fold(history(
                new UpdateAmended(ID, "u1", "Uploads to EU buckets fail.", "scope", at(5), at(5)),
                translation(Map.of("u1", "Hochladen in EU-Buckets schlägt fehl."), null, at(6))));

        PublicTranslation german = state.translations().get("de");
        assertThat(german.updates()).containsEntry("u1", "Hochladen in EU-Buckets schlägt fehl.");
        assertThat(german.outdatedUpdates()).isEmpty();
    }

    @Test
    void anAmendmentOfAnUntranslatedUpdateOutdatesNothing() {
        PublicIncident state = PublicIncidentFold.fold(history(
                new UpdatePosted(ID, "u3", IncidentStatus.MONITORING, "Watching.", Visibility.PUBLIC, Map.of(), null,
                        at(5), at(5)),
                new UpdateAmended(ID, "u3", "Watching closely.", "tone", at(6), at(6))));

        assertThat(state.translations().get("de").outdatedUpdates()).isEmpty();
        assertThat(state.translations().get("de").updates()).containsOnlyKeys("u1", "u2");
    }

    @Test
    void aRetractedUpdateLeavesNeitherItsTranslationNorTheNoteThatItWasOutdated() {
        PublicIncident retracted = PublicIncidentFold.fold(history(
                new UpdateRetracted(ID, "u2", "wrong incident", at(5), at(5))));
        PublicIncident amendedThenRetracted = PublicIncidentFold.fold(history(
                new UpdateAmended(ID, "u2", "Two settings were wrong.", "scope", at(5), at(5)),
                new UpdateRetracted(ID, "u2", "wrong incident", at(6), at(6))));

        assertThat(ReadModelJson.write(retracted)).doesNotContain("Eine Einstellung war falsch.");
        assertThat(retracted.translations().get("de").updates()).containsOnlyKeys("u1");
        assertThat(amendedThenRetracted.translations().get("de").outdatedUpdates()).isEmpty();
    }

    @Test
    void aPostMortemRevisionOutdatesTheTranslationsOfTheSectionsItRewroteUntilTheyAreRenewed() {
        var sections = new PostMortemSections("Zusammenfassung.", "Grundursache.", "Zurückgerollt.");
        List<Object> revised = history(
                new UpdatePosted(ID, "u3", IncidentStatus.RESOLVED, "Fixed.", Visibility.PUBLIC, Map.of(), null,
                        at(5), at(5)),
                postMortem(1, "A setting.", at(6)),
                translation(Map.of(), sections, at(7)),
                postMortem(2, "A setting shared by two services.", at(8)));

        PublicTranslation outdated = PublicIncidentFold.fold(revised).translations().get("de");
        assertThat(outdated.postMortemSummary()).isEqualTo("Zusammenfassung.");
        assertThat(outdated.postMortemRootCause()).isNull();
        assertThat(outdated.postMortemResolution()).isEqualTo("Zurückgerollt.");
        assertThat(outdated.outdatedPostMortem()).containsExactly(PublicTranslation.ROOT_CAUSE);

        revised.add(translation(Map.of(), new PostMortemSections(null, "Eine geteilte Einstellung.", null), at(9)));
        PublicTranslation renewed = PublicIncidentFold.fold(revised).translations().get("de");
        assertThat(renewed.postMortemRootCause()).isEqualTo("Eine geteilte Einstellung.");
        assertThat(renewed.outdatedPostMortem()).isEmpty();
    }

    @Test
    void aTranslationOfOnlyInternalTextsChangesNothingAtAllNotEvenTheTime() {
        PublicIncident before = PublicIncidentFold.fold(history());

        PublicIncident internalOnly = PublicIncidentFold.apply(before,
                translation(Map.of("secret", "Interne Notiz."), null, at(30)));
        PublicIncident newLocaleInternalOnly = PublicIncidentFold.apply(before,
                new TranslationAdded(ID, "fr", false, null, null, Map.of("secret", "Note interne."), null, at(30), at(30)));
        PublicIncident samePublicTexts = PublicIncidentFold.apply(before, translation(
                Map.of("u1", "Hochladen schlägt fehl.", "secret", "Interne Notiz."), null, at(30)));

        assertThat(internalOnly).isEqualTo(before);
        assertThat(newLocaleInternalOnly).isEqualTo(before);
        assertThat(samePublicTexts).isEqualTo(before);
    }

    @Test
    void aTranslationOfAPostMortemNoReaderSeesIsNotKept() {
        PublicIncident before = PublicIncidentFold.fold(history(postMortem(1, "A setting.", at(5))));

        PublicIncident after = PublicIncidentFold.apply(before,
                translation(Map.of(), new PostMortemSections("Zusammenfassung.", null, null), at(6)));

        assertThat(before.postMortem()).isNull();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aDocumentStoredBeforeTranslationsKnewOutdatedTextsReadsWithNoneOutdated() {
        PublicIncident state = PublicIncidentFold.fold(history());
        String stored = ReadModelJson.write(state).replace(",\"outdatedUpdates\":[]", "")
                .replace(",\"outdatedPostMortem\":[]", "").replace(",\"withheldPostMortem\":null", "");
        assertThat(stored).doesNotContain("outdated").doesNotContain("withheld");

        assertThat(ReadModelJson.read(stored, PublicIncident.class)).isEqualTo(state);
    }
}
