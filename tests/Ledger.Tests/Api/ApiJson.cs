using NUnit.Framework;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ledger.Tests.Api;

/// <summary>Reading answers as a client would: JSON documents, problems with their field errors.</summary>
internal static class ApiJson
{
    public static async Task<JsonElement> Json(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> Problem(this HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(status));
        Assert.That(problem.GetProperty("title").GetString(), Is.Not.Empty);
        return problem;
    }

    /// <summary>The fields a validation problem names.</summary>
    public static IReadOnlyList<string> Fields(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);

    public static decimal Yuan(this JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? 0 : element.GetProperty(property).GetDecimal();

    public static IEnumerable<JsonElement> Items(this JsonElement array) => array.EnumerateArray();
}
