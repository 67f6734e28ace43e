using NUnit.Framework;
using System.Text.Json;

namespace Ledger.Tests.Api;

public sealed class OpenApiTests
{
    // Set to 1 to write the served document into openapi/ after a deliberate change of the API.
    private const string UpdateVariable = "LEDGER_UPDATE_OPENAPI";

    private static string CommittedPath => Path.Combine(Repository, "openapi", "ledger.v1.json");

    private static string Repository
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Ledger.sln"))) return folder.FullName;
            }
            throw new FileNotFoundException("no Ledger.sln above the tests");
        }
    }

    private static async Task<string> Served()
    {
        using var response = await SeededApi.For(StoreKind.Sqlite).CreateClient().GetAsync("/swagger/v1/swagger.json");
        Assert.That(response.IsSuccessStatusCode, Is.True);
        return await response.Content.ReadAsStringAsync();
    }

    [Test]
    public async Task The_committed_document_is_the_one_the_app_serves()
    {
        var served = await Served();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, served);
            Assert.Warn($"{CommittedPath} was rewritten from the running app");
        }

        var committed = await File.ReadAllTextAsync(CommittedPath);

        Assert.That(served.ReplaceLineEndings("\n"), Is.EqualTo(committed.ReplaceLineEndings("\n")),
            $"The API changed: review the difference and run the tests once with {UpdateVariable}=1 to update openapi/ledger.v1.json.");
    }

    [Test]
    public async Task Writes_need_the_key_and_list_their_problems()
    {
        var document = JsonDocument.Parse(await Served()).RootElement;

        var enter = document.GetProperty("paths").GetProperty("/api/v1/donations").GetProperty("post");

        var statuses = enter.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        Assert.That(statuses, Is.SupersetOf(new[] { "201", "400", "401", "403", "413", "429" }));
        Assert.That(enter.GetProperty("responses").GetProperty("400").GetProperty("content").EnumerateObject().Select(c => c.Name), Does.Contain("application/problem+json"));
        Assert.That(enter.GetProperty("security")[0].EnumerateObject().Select(s => s.Name), Is.EqualTo(new[] { "apiKey" }));
        Assert.That(enter.GetProperty("summary").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task Enums_are_strings_and_fields_carry_descriptions_and_examples()
    {
        var document = JsonDocument.Parse(await Served()).RootElement;
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var qualifier = schemas.GetProperty("Qualifier");
        Assert.That(qualifier.GetProperty("enum").EnumerateArray().Select(e => e.GetString()), Is.EquivalentTo(new[] { "exact", "at_least", "at_most", "about" }));
        var donor = schemas.GetProperty("DonationEntry").GetProperty("properties").GetProperty("donor");
        Assert.That(donor.GetProperty("description").GetString(), Is.Not.Empty);
        Assert.That(donor.GetProperty("example").GetString(), Is.EqualTo("赵国良"));
        var totals = document.GetProperty("paths").GetProperty("/api/v1/totals").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("items");
        Assert.That(totals.GetProperty("properties").EnumerateObject().Select(p => p.Name), Does.Contain("reported_cash_cny").And.Contain("items"));
    }

    [Test]
    public async Task The_document_and_the_readme_say_what_each_figure_means_in_the_same_words()
    {
        var description = JsonDocument.Parse(await Served()).RootElement.GetProperty("info").GetProperty("description").GetString()!;
        var readme = (await File.ReadAllTextAsync(Path.Combine(Repository, "README.md"))).ReplaceLineEndings("\n");

        Assert.That(Ledger.Domain.FigureMeanings.Text, Does.Contain("Shared gifts").And.Contain("at_least").And.Contain("Reported totals"));
        Assert.That(description, Does.EndWith(Ledger.Domain.FigureMeanings.Text));
        Assert.That(readme, Does.Contain("### What the figures mean\n\n"));
        Assert.That(readme, Does.Contain(Ledger.Domain.FigureMeanings.Text), "README.md's \"What the figures mean\" is a copy of src/Ledger/Domain/Figures.md");
    }
}
