-- The template view: every template as responders see it (retired ones included), one JSON document per template and
-- generation, with its kind and whether it is retired for the lists and the pickers.
CREATE TABLE responder_template (
    generation    INTEGER      NOT NULL,
    template_name VARCHAR(63)  NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    retired       BOOLEAN      NOT NULL,
    document      CLOB         NOT NULL,
    PRIMARY KEY (generation, template_name)
);

INSERT INTO projection_generation (projection, active_generation) VALUES ('template-view', 1);
