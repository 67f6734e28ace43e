using Ledger.Domain;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ledger.Storage;

namespace Ledger.Api.Http;

/// <summary>A group's totals written wherever they appear exactly as <c>ledger totals --format json</c> writes them.</summary>
internal sealed class TotalsRowConverter : JsonConverter<TotalsRow>
{
    public override TotalsRow Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("totals are read from the ledger, not from requests");

    public override void Write(Utf8JsonWriter writer, TotalsRow value, JsonSerializerOptions options) => TotalsFormat.WriteJson(writer, value);
}
