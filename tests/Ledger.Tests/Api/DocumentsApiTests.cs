using NUnit.Framework;
namespace Ledger.Tests.Api;

[TestFixtureSource(typeof(Stores), nameof(Stores.Each))]
public sealed class DocumentsApiTests(StoreKind store)
{
    private HttpClient Client => SeededApi.For(store).CreateClient();

    [Test]
    public async Task The_five_seeds_are_stored_whole_with_their_sha256()
    {
        var documents = await Client.Json("/api/v1/documents");

        Assert.That(documents.Items().Select(d => d.GetProperty("name").GetString()), Is.EqualTo(Seeds.Files.Select(Path.GetFileName)));
        var first = documents[0];
        var text = Seeds.Text(first.GetProperty("name").GetString()!);
        Assert.That(first.GetProperty("sha256").GetString(),
            Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))));
        Assert.That(first.GetProperty("lines").GetInt32(), Is.EqualTo(File.ReadAllLines(Path.Combine(Seeds.Folder, first.GetProperty("name").GetString()!)).Length));
        using var whole = await Client.GetAsync($"/api/v1/documents/{first.GetProperty("id").GetInt64()}/text");
        Assert.That(await whole.Content.ReadAsStringAsync(), Is.EqualTo(text));
    }

    [Test]
    public async Task A_records_line_shows_its_sentence_in_the_document_text()
    {
        var mention = (await Client.Json("/api/v1/audit/repeated-reports")).Items()
            .Single(a => a.GetProperty("donor").GetString() == "吴庆和").GetProperty("reports")[0];
        var document = (await Client.Json("/api/v1/documents")).Items().Single(d => d.GetProperty("name").GetString() == mention.GetProperty("document").GetString());

        var excerpt = await Client.Json($"/api/v1/documents/{document.GetProperty("id").GetInt64()}/lines?line={mention.GetProperty("line").GetInt32()}&context=2");

        var lines = excerpt.GetProperty("lines").Items().ToList();
        Assert.That(lines.Select(l => l.GetProperty("number").GetInt32()), Is.EqualTo(Enumerable.Range(mention.GetProperty("line").GetInt32() - 2, 5)));
        Assert.That(string.Concat(lines.Select(l => l.GetProperty("text").GetString())).Replace(" ", ""), Does.Contain("吴庆和"));
    }

    [Test]
    public async Task A_line_outside_the_document_is_a_problem_and_an_unknown_document_a_404()
    {
        var document = (await Client.Json("/api/v1/documents"))[0].GetProperty("id").GetInt64();

        using var outside = await Client.GetAsync($"/api/v1/documents/{document}/lines?line=999999");
        using var unknown = await Client.GetAsync("/api/v1/documents/987654/lines?line=1");

        Assert.That((await outside.Problem(400)).Fields(), Is.EqualTo(new[] { "line" }));
        await unknown.Problem(404);
    }

    [Test]
    public async Task A_documents_records_each_name_their_line_and_donation()
    {
        var document = (await Client.Json("/api/v1/documents"))[0].GetProperty("id").GetInt64();

        var records = await Client.Json($"/api/v1/documents/{document}/records");

        Assert.That(records.GetArrayLength(), Is.GreaterThan(10));
        Assert.That(records.Items().Where(r => r.GetProperty("donor").ValueKind != System.Text.Json.JsonValueKind.Null)
            .All(r => r.GetProperty("donation_id").GetInt64() > 0 && r.GetProperty("line").GetInt32() > 0));
    }

    [Test]
    public async Task Documents_and_their_records_page_with_offset_and_say_how_many_there_are()
    {
        var client = SeededApi.For(store).CreateClient();
        using var first = await client.GetAsync("/api/v1/documents?limit=2");
        var page = System.Text.Json.JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        Assert.That(first.Headers.GetValues("X-Total-Count").Single(), Is.EqualTo("5"));
        Assert.That(page.GetArrayLength(), Is.EqualTo(2));

        var id = (await client.Json("/api/v1/documents")).Items().OrderByDescending(d => d.GetProperty("records").GetInt32()).First().GetProperty("id").GetInt64();
        var all = (await client.Json($"/api/v1/documents/{id}/records")).Items().Select(r => r.GetProperty("record_id").GetInt64()).ToList();
        var paged = new List<long>();
        for (var offset = 0; offset < all.Count; offset += 10)
            paged.AddRange((await client.Json($"/api/v1/documents/{id}/records?limit=10&offset={offset}")).Items().Select(r => r.GetProperty("record_id").GetInt64()));
        Assert.That(paged, Is.EqualTo(all));

        using var refused = await client.GetAsync("/api/v1/documents?limit=0");
        Assert.That((int)refused.StatusCode, Is.EqualTo(400));
    }
}
