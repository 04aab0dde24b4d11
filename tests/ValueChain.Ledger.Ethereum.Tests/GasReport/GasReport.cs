using System.Globalization;
using System.Text;

namespace ValueChain.Ledger.Ethereum.Tests;

/// <summary>
/// Gas used per contract function (calls, min, median, max) as the Markdown table of docs/gas.md, and the
/// check that no function got more than a given share more expensive than the committed report says.
/// </summary>
internal sealed class GasReport
{
    private readonly SortedDictionary<string, SortedDictionary<string, List<ulong>>> _gas = new(StringComparer.Ordinal);

    public void Add(string contract, string function, ulong gas)
    {
        if (!_gas.TryGetValue(contract, out SortedDictionary<string, List<ulong>>? functions))
        {
            _gas[contract] = functions = new SortedDictionary<string, List<ulong>>(StringComparer.Ordinal);
        }

        if (!functions.TryGetValue(function, out List<ulong>? samples))
        {
            functions[function] = samples = [];
        }

        samples.Add(gas);
    }

    /// <summary>The highest gas per "Contract.function".</summary>
    public IReadOnlyDictionary<string, ulong> Maxima() =>
        _gas.SelectMany(c => c.Value.Select(f => (Key: $"{c.Key}.{f.Key}", Max: f.Value.Max()))).ToDictionary(x => x.Key, x => x.Max);

    public string ToMarkdown(string title, string howToRegenerate)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# {title}\n\n{howToRegenerate}\n");
        foreach ((string contract, SortedDictionary<string, List<ulong>> functions) in _gas)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## {contract}\n\n| function | calls | min gas | median gas | max gas |\n|---|---:|---:|---:|---:|\n");
            foreach ((string function, List<ulong> samples) in functions)
            {
                ulong[] sorted = [.. samples.Order()];
                text.Append(CultureInfo.InvariantCulture, $"| {function} | {sorted.Length} | {sorted[0]} | {sorted[sorted.Length / 2]} | {sorted[^1]} |\n");
            }
        }

        return text.ToString();
    }

    /// <summary>The max column of a report written by <see cref="ToMarkdown"/>, per "Contract.function".</summary>
    public static Dictionary<string, ulong> ParseMaxima(string markdown)
    {
        var maxima = new Dictionary<string, ulong>(StringComparer.Ordinal);
        string contract = "";
        foreach (string line in markdown.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                contract = line[3..].Trim();
            }
            else if (line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| function", StringComparison.Ordinal))
            {
                string[] cells = line.Split('|', StringSplitOptions.TrimEntries);
                maxima[$"{contract}.{cells[1]}"] = ulong.Parse(cells[5], CultureInfo.InvariantCulture);
            }
        }

        return maxima;
    }
}
