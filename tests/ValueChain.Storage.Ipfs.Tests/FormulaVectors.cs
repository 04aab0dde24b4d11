using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ValueChain.Storage.Ipfs.Tests;

/// <summary>Reads a vector entry's content formula parameters and gives its content as a stream.</summary>
internal static partial class FormulaVectors
{
    /// <summary>The content of a unixfs-profiles.json entry (its "content" object holds a, b, shift and mod).</summary>
    internal static FormulaContent FromParameters(long size, JsonObject content) =>
        new(size, (long)content["a"]!, (long)content["b"]!, (int)content["shift"]!, (long)content["mod"]!);

    /// <summary>The content of a unixfs-cids.json entry, whose formula is text such as "byte i = (i*31+7) mod 251".</summary>
    internal static FormulaContent FromText(long size, string formula)
    {
        Match match = FormulaPattern().Match(formula);
        Assert.True(match.Success, $"Unrecognised content formula '{formula}'.");
        return new(size, long.Parse(match.Groups[1].Value), long.Parse(match.Groups[2].Value), 0, long.Parse(match.Groups[3].Value));
    }

    [GeneratedRegex(@"^byte i = \(i\*(\d+)\+(\d+)\) mod (\d+)$")]
    private static partial Regex FormulaPattern();
}
