using Ledger.Extraction;
using NUnit.Framework;

namespace Ledger.Tests;

public class SmokeTests
{
    [Test]
    public void Empty_text_gives_no_records() =>
        Assert.That(DonationExtractor.Default.Extract("", "empty.txt"), Is.Empty);
}
