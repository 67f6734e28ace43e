using System.Globalization;

namespace Ledger.Storage;

/// <summary>
/// A list of ids written into SQL as <c>(1,2,3)</c>: the one form of <c>IN</c> both stores read
/// (Dapper would send PostgreSQL an array where SQLite needs a list). Ids are numbers the ledger
/// made, never text a user sent.
/// </summary>
internal static class Ids
{
    public static string In(IEnumerable<long> ids)
    {
        var list = string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        return list.Length == 0 ? "(NULL)" : $"({list})";
    }
}
