namespace Ledger.Storage;

/// <summary>
/// A table that a write transaction adds rows to in bulk (<see cref="Statements.Add"/>): its columns
/// and their SQL types. On PostgreSQL the rows travel as one JSON array a statement (see
/// <see cref="LedgerDatabase.JsonRows"/>); on SQLite a prepared statement runs once a row (<see cref="SqliteRows"/>).
/// </summary>
/// <param name="Write">The statement that writes the rows, reading them from <c>{rows}</c>; an INSERT of every column when not given.</param>
/// <param name="WriteOne">The statement that writes one row, its values as ?1, ?2…; an INSERT of every column when not given.</param>
internal sealed class Table(string Name, (string Column, string Type)[] Columns, string Conflict = "", string? Write = null, string? WriteOne = null)
{
    public string Name { get; } = Name;

    public (string Column, string Type)[] Columns { get; } = Columns;

    public string RowSql { get; } = WriteOne ?? $"""
        INSERT INTO {Name} ({string.Join(", ", Columns.Select(c => c.Column))})
        VALUES ({string.Join(", ", Columns.Select((_, i) => $"?{i + 1}"))}) {Conflict}
        """;

    public string Sql(string rows) => (Write ?? $"""
        INSERT INTO {Name} ({string.Join(", ", Columns.Select(c => c.Column))})
        SELECT {string.Join(", ", Columns.Select(c => c.Column))} FROM {"{rows}"} WHERE true {Conflict}
        """).Replace("{rows}", rows, StringComparison.Ordinal);
}

/// <summary>The tables ingestion writes in bulk, in the order their rows are written: a row's parents before it.</summary>
internal static class Tables
{
    private const string Number = "BIGINT";
    private const string Text = "TEXT";

    /// <summary>Text kept as its UTF-8 bytes (a BLOB, bytea), given as a string or as the bytes: sent as text, stored as bytes.</summary>
    public const string Utf8 = "UTF8";

    public static readonly Table Documents = new("documents",
    [
        ("id", Number), ("name", Text), ("sha256", Text), ("text", Text), ("year", Number), ("city", Text),
        ("ingested_at", Text), ("extractor_version", Text), ("published", Text),
    ]);

    public static readonly Table Organizations = new("organizations", [("id", Number), ("name", Text), ("kind", Text)]);

    public static readonly Table Names = new("names", [("name", Text), ("organization_id", Number), ("reason", Text)], "ON CONFLICT (name) DO NOTHING");

    public static readonly Table Donations = new("donations",
    [
        ("id", Number), ("donor_id", Number), ("cash_fen", Number), ("cash_qualifier", Text), ("goods_fen", Number), ("goods_qualifier", Text),
        ("combined_fen", Number), ("combined_qualifier", Text), ("other_amount", Text), ("other_currency", Text), ("gift_date", Text),
        ("published_year", Number), ("first_ingested_at", Text), ("month", Text), ("aggregate", Number), ("sources", Number),
    ]);

    /// <summary>
    /// One more report of a donation each row; <c>date</c> is the gift's date when this report is the
    /// first to give one (a donation keeps the first date it was given).
    /// </summary>
    public static readonly Table DonationReports = new("donations", [("id", Number), ("date", Text)], Write: """
        UPDATE donations SET sources = donations.sources + j.reports,
                             gift_date = coalesce(donations.gift_date, j.date),
                             month = coalesce(donations.month, substr(j.date, 1, 7))
        FROM (SELECT id, count(*) AS reports, max(date) AS date FROM {rows} GROUP BY id) AS j
        WHERE donations.id = j.id
        """, WriteOne: """
        UPDATE donations SET sources = sources + 1, gift_date = coalesce(gift_date, ?2), month = coalesce(month, substr(?2, 1, 7)) WHERE id = ?1
        """);

    public static readonly Table DonationRecipients = new("donation_recipients", [("donation_id", Number), ("organization_id", Number)], "ON CONFLICT DO NOTHING");

    public static readonly Table DonationItems = new("donation_items",
        [("donation_id", Number), ("category", Text), ("unit", Text), ("quantity", Text), ("qualifier", Text)]);

    public static readonly Table Records = new("records",
    [
        ("id", Number), ("document_id", Number), ("line", Number), ("evidence", Text), ("donor", Text), ("donor_kind", Text),
        ("organization_id", Number), ("via", Text), ("via_id", Number), ("donation_id", Number), ("join_reason", Text),
        ("cash_fen", Number), ("cash_qualifier", Text), ("goods_fen", Number), ("goods_qualifier", Text), ("combined_fen", Number),
        ("combined_qualifier", Text), ("other_amount", Text), ("other_currency", Text), ("gift_date", Text), ("aggregate", Number),
        ("optional", Number), ("extractor_version", Text), ("unread_figure", Text),
    ]);

    public static readonly Table RecordRecipients = new("record_recipients", [("record_id", Number), ("name", Text), ("organization_id", Number)]);

    public static readonly Table RecordItems = new("record_items",
        [("record_id", Number), ("category", Text), ("name", Text), ("quantity", Text), ("qualifier", Text), ("unit", Text)]);

    /// <summary>Which givers' totals a revision changed.</summary>
    public static readonly Table DonorTotalsChanges = new("donor_totals_changes", [("revision", Number), ("donor_id", Number)]);

    /// <summary>A giver's totals, kept, replacing the row kept before.</summary>
    public static readonly Table DonorTotals = new("donor_totals",
    [
        ("donor_id", Number), ("name", Text), ("cash_fen", Number), ("cash_qualifier", Text), ("goods_fen", Number), ("goods_qualifier", Text),
        ("combined_fen", Number), ("combined_qualifier", Text), ("reported_cash_fen", Number), ("reported_cash_qualifier", Text),
        ("reported_goods_fen", Number), ("reported_goods_qualifier", Text), ("reported_combined_fen", Number), ("reported_combined_qualifier", Text),
        ("donations", Number), ("reported_totals", Number), ("sources", Number), ("items", Text), ("given_fen", Number), ("reported_fen", Number),
        ("json", Utf8),
    ], """
        ON CONFLICT (donor_id) DO UPDATE SET
            name = excluded.name, cash_fen = excluded.cash_fen, cash_qualifier = excluded.cash_qualifier, goods_fen = excluded.goods_fen,
            goods_qualifier = excluded.goods_qualifier, combined_fen = excluded.combined_fen, combined_qualifier = excluded.combined_qualifier,
            reported_cash_fen = excluded.reported_cash_fen, reported_cash_qualifier = excluded.reported_cash_qualifier,
            reported_goods_fen = excluded.reported_goods_fen, reported_goods_qualifier = excluded.reported_goods_qualifier,
            reported_combined_fen = excluded.reported_combined_fen, reported_combined_qualifier = excluded.reported_combined_qualifier,
            donations = excluded.donations, reported_totals = excluded.reported_totals, sources = excluded.sources,
            items = excluded.items, given_fen = excluded.given_fen, reported_fen = excluded.reported_fen, json = excluded.json
        """);

    public static readonly Table[] InOrder =
    [
        Documents, Organizations, Names, Donations, DonationReports, DonationRecipients, DonationItems, Records, RecordRecipients, RecordItems,
        DonorTotalsChanges, DonorTotals,
    ];
}
