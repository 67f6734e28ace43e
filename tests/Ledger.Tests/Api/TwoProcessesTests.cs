using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using NUnit.Framework;

namespace Ledger.Tests.Api;

/// <summary>
/// Two API processes (not two hosts in one process, which would share what each keeps in memory)
/// serve one ledger: what one writes, the other reads at its next request.
/// </summary>
[TestFixtureSource(typeof(Stores), nameof(Stores.Each))]
[NonParallelizable]
public sealed class TwoProcessesTests(StoreKind store)
{
    [Test]
    public async Task A_write_through_one_process_is_read_through_the_other_at_the_next_request()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ledger-api-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var ledger = Stores.NewLedger(store, folder);
        using var first = await ApiProcess.Start(ledger);
        using var second = await ApiProcess.Start(ledger);
        try
        {
            // The second process reads (and keeps) its answers before the first one writes.
            Assert.That(await second.Client.GetStringAsync("/api/v1/totals?by=donor"), Is.EqualTo("[]"));
            Assert.That(await second.Client.GetStringAsync("/api/v1/charts/top-donors"), Does.Not.Contain("哈尔滨银行"));
            var etag = (await second.Client.GetAsync("/api/v1/totals?by=donor")).Headers.ETag;

            using var written = await first.Client.PostAsync("/api/v1/documents?name=notice.txt",
                new StringContent("捐赠通报\n\n哈尔滨银行向哈尔滨市慈善总会捐款200万元。", Encoding.UTF8, "text/plain"));
            Assert.That(written.StatusCode, Is.EqualTo(HttpStatusCode.Created));

            var totals = JsonDocument.Parse(await second.Client.GetStringAsync("/api/v1/totals?by=donor")).RootElement;
            Assert.That(totals.EnumerateArray().Select(t => t.GetProperty("name").GetString()), Is.EqualTo(new[] { "哈尔滨银行" }));
            Assert.That(await second.Client.GetStringAsync("/api/v1/charts/top-donors"), Does.Contain("哈尔滨银行"));
            Assert.That((await second.Client.GetAsync("/api/v1/totals?by=donor")).Headers.ETag, Is.Not.EqualTo(etag));
            var health = await second.Client.GetFromJsonAsync<JsonElement>("/health");
            var writerHealth = await first.Client.GetFromJsonAsync<JsonElement>("/health");
            Assert.That(health.GetProperty("revision").GetInt64(), Is.EqualTo(writerHealth.GetProperty("revision").GetInt64()));
        }
        finally
        {
            first.Dispose();
            second.Dispose();
            Stores.Drop(ledger);
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The API built with the tests, run as a process of its own on a free port.</summary>
    private sealed class ApiProcess : IDisposable
    {
        private readonly Process _process;

        private ApiProcess(Process process, HttpClient client) => (_process, Client) = (process, client);

        public HttpClient Client { get; }

        public static async Task<ApiProcess> Start(string ledger)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Ledger.Api.dll"));
            foreach (var setting in new[]
                     {
                         "--urls", $"http://127.0.0.1:{port}", "--Ledger:Database", ledger, "--Ledger:Seeds", "",
                         "--Ledger:ApiKey", LedgerApiFactory.Key, "--Ledger:WritesPerMinute", "1000",
                     })
                start.ArgumentList.Add(setting);
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            client.DefaultRequestHeaders.Add("X-Api-Key", LedgerApiFactory.Key);
            var api = new ApiProcess(process, client);
            for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(60); await Task.Delay(200))
            {
                if (process.HasExited) break;
                try
                {
                    if ((await client.GetAsync("/health")).IsSuccessStatusCode) return api;
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
            }
            api.Dispose();
            throw new InvalidOperationException("the API process did not start");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private bool _stopped;

        public void Dispose()
        {
            if (_stopped) return;
            _stopped = true;
            Client.Dispose();
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
            _process.Dispose();
        }
    }
}
