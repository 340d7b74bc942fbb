package io.incidenttimeline.projections.template;

import io.incidenttimeline.core.template.TemplateIds;
import io.incidenttimeline.projections.document.DocumentTable;
import io.incidenttimeline.projections.document.JsonDocumentTable;
import io.incidenttimeline.projections.document.JsonDocumentTable.Column;
import io.incidenttimeline.projections.support.AggregateTypes;
import io.incidenttimeline.projections.support.ReadModelJson;
import io.incidenttimeline.projections.support.ReadStore;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The rows of the template view: one JSON document per template and generation, beside its kind and retirement. */
@Repository
public class TemplateViewStore {

    private static final RowMapper<ResponderTemplate> DOCUMENT =
            (rs, row) -> ReadModelJson.read(rs.getString("document"), ResponderTemplate.class);

    private final JdbcTemplate jdbc;
    private final JsonDocumentTable<ResponderTemplate> templates;

    public TemplateViewStore(@ReadStore JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.templates = new JsonDocumentTable<>(jdbc, "responder_template", "template_name", ResponderTemplate.class,
                ResponderTemplate::name, (type, aggregateId) ->
                AggregateTypes.TEMPLATE.equals(type) ? TemplateIds.name(aggregateId) : null,
                List.of(new Column<>("kind", t -> t.kind().wire()), new Column<>("retired", ResponderTemplate::retired)));
    }

    DocumentTable<ResponderTemplate> templates() {
        return templates;
    }

    public Optional<ResponderTemplate> template(int generation, String name) {
        return jdbc.query("SELECT document FROM responder_template WHERE generation = ? AND template_name = ?",
                DOCUMENT, generation, name).stream().findFirst();
    }

    /** Every template, by name; retired ones only when asked for. */
    public List<ResponderTemplate> all(int generation, boolean withRetired) {
        return jdbc.query("SELECT document FROM responder_template WHERE generation = ?"
                + (withRetired ? "" : " AND retired = FALSE") + " ORDER BY template_name", DOCUMENT, generation);
    }
}
