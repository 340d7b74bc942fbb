-- The page address the public feeds' ids are minted from (the feed's id and each entry's tag: authority), recorded
-- the first time a feed is written while incident.page.url names a host other than localhost, and never changed:
-- a feed reader keeps recognising every entry after the page moves to another address. While the page URL is a
-- localhost one nothing is recorded (such a page is not public yet) and ids use it as it is.
CREATE TABLE feed_identity (
    singleton   BOOLEAN                  DEFAULT TRUE NOT NULL PRIMARY KEY CHECK (singleton),
    base_url    VARCHAR(2048)            NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
