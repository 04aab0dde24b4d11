namespace ValueChain.V2V.Tests;

/// <summary>What the V2V sample prints on every ledger.</summary>
internal static class SampleOutput
{
    public static void AssertStory(string output)
    {
        Assert.Contains("Obstacles mapped: 1 (obstacle 1: 2 reports, 1 confirmation)", output, StringComparison.Ordinal);
        Assert.Contains("Car B's report: matched obstacle 1, verified Valid", output, StringComparison.Ordinal);
        Assert.Contains("Car A's reputation: 1", output, StringComparison.Ordinal);
        Assert.Contains("Police see 2 reports: Valid, Valid", output, StringComparison.Ordinal);
    }
}
