namespace Ledger.Storage;

/// <summary>
/// The ledger's schema on SQLite as numbered steps. A ledger file records the last step applied in
/// <c>PRAGMA user_version</c>; opening it applies the missing steps.
/// Money is INTEGER fen (0.01 yuan): exact, and summed by SQLite without floating point.
/// </summary>
internal static class SqliteSchema
{
    public static readonly string[] Steps =
    [
        // 1: documents, organizations and their names, records, donations, corrections.
        """
        CREATE TABLE documents (
            id                INTEGER PRIMARY KEY,
            name              TEXT NOT NULL,
            sha256            TEXT NOT NULL UNIQUE,
            text              TEXT NOT NULL,
            year              INTEGER,
            city              TEXT,
            ingested_at       TEXT NOT NULL,
            extractor_version TEXT NOT NULL,
            replaced_by       INTEGER REFERENCES documents(id)
        );
        CREATE INDEX documents_by_name ON documents(name, replaced_by);

        CREATE TABLE organizations (
            id   INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL
        );

        -- Every name seen for an organization, and why it was taken to be that organization.
        CREATE TABLE names (
            name            TEXT PRIMARY KEY,
            organization_id INTEGER NOT NULL REFERENCES organizations(id),
            reason          TEXT NOT NULL
        );
        CREATE INDEX names_by_organization ON names(organization_id);

        -- A person's decision on a name (alias of an organization, or a name of its own); wins over rules.
        CREATE TABLE name_decisions (
            id                INTEGER PRIMARY KEY,
            name              TEXT NOT NULL,
            organization_name TEXT,
            decision          TEXT NOT NULL CHECK (decision IN ('alias', 'split')),
            who               TEXT NOT NULL,
            why               TEXT NOT NULL,
            decided_at        TEXT NOT NULL
        );

        CREATE TABLE donations (
            id                 INTEGER PRIMARY KEY,
            donor_id           INTEGER NOT NULL REFERENCES organizations(id),
            cash_fen           INTEGER,
            cash_qualifier     TEXT,
            goods_fen          INTEGER,
            goods_qualifier    TEXT,
            combined_fen       INTEGER,
            combined_qualifier TEXT,
            other_amount       TEXT,
            other_currency     TEXT,
            gift_date          TEXT,
            published_year     INTEGER,
            first_ingested_at  TEXT NOT NULL,
            month              TEXT,
            aggregate          INTEGER NOT NULL,
            sources            INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX donations_by_donor ON donations(donor_id);
        CREATE INDEX donations_by_month ON donations(month);

        CREATE TABLE records (
            id                 INTEGER PRIMARY KEY,
            document_id        INTEGER NOT NULL REFERENCES documents(id),
            line               INTEGER NOT NULL,
            evidence           TEXT NOT NULL,
            donor              TEXT,
            donor_kind         TEXT NOT NULL,
            organization_id    INTEGER REFERENCES organizations(id),
            via                TEXT,
            cash_fen           INTEGER,
            cash_qualifier     TEXT,
            goods_fen          INTEGER,
            goods_qualifier    TEXT,
            combined_fen       INTEGER,
            combined_qualifier TEXT,
            other_amount       TEXT,
            other_currency     TEXT,
            gift_date          TEXT,
            aggregate          INTEGER NOT NULL,
            optional           INTEGER NOT NULL,
            extractor_version  TEXT NOT NULL,
            donation_id        INTEGER REFERENCES donations(id),
            join_reason        TEXT
        );
        CREATE INDEX records_by_document ON records(document_id);
        CREATE INDEX records_by_donation ON records(donation_id);

        CREATE TABLE record_recipients (
            record_id       INTEGER NOT NULL REFERENCES records(id),
            name            TEXT NOT NULL,
            organization_id INTEGER NOT NULL REFERENCES organizations(id)
        );
        CREATE INDEX record_recipients_by_record ON record_recipients(record_id);

        CREATE TABLE record_items (
            record_id INTEGER NOT NULL REFERENCES records(id),
            category  TEXT NOT NULL,
            name      TEXT NOT NULL,
            quantity  TEXT,
            qualifier TEXT,
            unit      TEXT
        );
        CREATE INDEX record_items_by_record ON record_items(record_id);

        CREATE TABLE donation_recipients (
            donation_id     INTEGER NOT NULL REFERENCES donations(id),
            organization_id INTEGER NOT NULL REFERENCES organizations(id),
            PRIMARY KEY (donation_id, organization_id)
        ) WITHOUT ROWID;

        CREATE TABLE donation_items (
            donation_id INTEGER NOT NULL REFERENCES donations(id),
            category    TEXT NOT NULL,
            unit        TEXT NOT NULL DEFAULT '',
            quantity    TEXT,
            qualifier   TEXT
        );
        CREATE INDEX donation_items_by_donation ON donation_items(donation_id);

        -- Append-only: the latest correction of a field wins, the original and the history stay.
        CREATE TABLE corrections (
            id           INTEGER PRIMARY KEY,
            donation_id  INTEGER NOT NULL REFERENCES donations(id),
            field        TEXT NOT NULL,
            value        TEXT,
            who          TEXT NOT NULL,
            why          TEXT NOT NULL,
            corrected_at TEXT NOT NULL
        );
        CREATE INDEX corrections_by_donation ON corrections(donation_id);
        """,

        // 2: records retired by a re-extraction stay stored, marked with when they stopped counting.
        """
        ALTER TABLE records ADD COLUMN retired_at TEXT;
        """,

        // 3: each giver's totals kept up to date with every write, so totals by donor read one row a giver.
        """
        CREATE TABLE donor_totals (
            donor_id                  INTEGER PRIMARY KEY REFERENCES organizations(id),
            name                      TEXT NOT NULL,
            cash_fen                  INTEGER,
            cash_qualifier            TEXT,
            goods_fen                 INTEGER,
            goods_qualifier           TEXT,
            combined_fen              INTEGER,
            combined_qualifier        TEXT,
            reported_cash_fen         INTEGER,
            reported_cash_qualifier   TEXT,
            reported_goods_fen        INTEGER,
            reported_goods_qualifier  TEXT,
            reported_combined_fen     INTEGER,
            reported_combined_qualifier TEXT,
            donations                 INTEGER NOT NULL,
            reported_totals           INTEGER NOT NULL,
            sources                   INTEGER NOT NULL,
            items                     TEXT NOT NULL,
            given_fen                 INTEGER NOT NULL,
            reported_fen              INTEGER NOT NULL,
            json                      BLOB NOT NULL
        );
        """,

        // 4: the date a document was published, when it says (a dateline, 出刊 2020年6月): the month of
        // a gift without a date of its own.
        """
        ALTER TABLE documents ADD COLUMN published TEXT;
        """,

        // 5: the channel a gift went through (通过哈尔滨市红十字会) is an organization too.
        """
        ALTER TABLE records ADD COLUMN via_id INTEGER REFERENCES organizations(id);
        """,

        // 6: a revision number every write raises, for caches and ETags of what is read.
        """
        CREATE TABLE ledger_state (revision INTEGER NOT NULL);
        INSERT INTO ledger_state (revision) VALUES (0);
        """,

        // 7: which givers each revision changed, so an answer kept at an older revision can be brought up
        // to date by reading those givers alone. The log is complete for revisions after changes_from.
        """
        CREATE TABLE donor_totals_changes (revision INTEGER NOT NULL, donor_id INTEGER NOT NULL);
        CREATE INDEX donor_totals_changes_by_revision ON donor_totals_changes(revision);
        ALTER TABLE ledger_state ADD COLUMN changes_from INTEGER NOT NULL DEFAULT 0;
        UPDATE ledger_state SET changes_from = revision;
        """,

        // 8: the largest givers first, so the top of totals by donor is read without visiting every giver.
        """
        CREATE INDEX donor_totals_by_rank ON donor_totals(given_fen DESC, reported_fen DESC, name);
        """,

        // 9: a figure no gift can be (beyond Limits.MostYuan), kept unread on its record for the audit.
        """
        ALTER TABLE records ADD COLUMN unread_figure TEXT;
        """,
    ];
}
