using System.Globalization;
using System.Reflection;
using System.Text;

namespace ValueChain.Testing.Ethereum;

/// <summary>
/// Gas used per contract function (calls, min, median, max) as the Markdown table of docs/gas.md, and the
/// check that no function got more than a given share more expensive than the committed report says. Each
/// application's test project measures its own contracts and, when rewriting the report, keeps the sections
/// of the contracts it did not measure.
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

    /// <summary>The report: this one's contracts as measured, the other contracts' sections of <paramref name="existing"/> as they were.</summary>
    public string ToMarkdown(string title, string howToRegenerate, string? existing = null)
    {
        var sections = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach ((string contract, string section) in Sections(existing ?? ""))
        {
            sections[contract] = section;
        }

        foreach ((string contract, SortedDictionary<string, List<ulong>> functions) in _gas)
        {
            var section = new StringBuilder();
            section.Append(CultureInfo.InvariantCulture, $"\n## {contract}\n\n| function | calls | min gas | median gas | max gas |\n|---|---:|---:|---:|---:|\n");
            foreach ((string function, List<ulong> samples) in functions)
            {
                ulong[] sorted = [.. samples.Order()];
                section.Append(CultureInfo.InvariantCulture, $"| {function} | {sorted.Length} | {sorted[0]} | {sorted[sorted.Length / 2]} | {sorted[^1]} |\n");
            }

            sections[contract] = section.ToString();
        }

        return $"# {title}\n\n{howToRegenerate}\n" + string.Concat(sections.Values);
    }

    // The "## Contract" sections of a report, each with the blank line before it.
    private static IEnumerable<(string Contract, string Section)> Sections(string markdown)
    {
        string[] parts = markdown.Split("\n## ");
        foreach (string part in parts.Skip(1))
        {
            yield return (part[..part.IndexOf('\n', StringComparison.Ordinal)].Trim(), "\n## " + part.TrimEnd('\n') + "\n");
        }
    }

    /// <summary>
    /// Holds what was measured against docs/gas.md: a function whose highest gas grew by more than
    /// <paramref name="allowedGrowth"/> fails, as does one the report does not list. VALUECHAIN_UPDATE_GOLDEN=1
    /// rewrites the report's sections of the measured contracts first.
    /// </summary>
    public async Task CheckAgainstDocsAsync(double allowedGrowth, string writtenBy, CancellationToken cancellationToken)
    {
        string path = Path.Combine(RepositoryPaths.Root, "docs", "gas.md");
        if (Environment.GetEnvironmentVariable("VALUECHAIN_UPDATE_GOLDEN") == "1")
        {
            string? existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : null;
            await File.WriteAllTextAsync(path, ToMarkdown(
                "Gas per contract function",
                "Gas used by every state-changing function of the applications' contracts (and their deployments) in the conformance scenarios on anvil, "
                + "written by the `GasReportTests` of each application's Ethereum test project (" + writtenBy + ") with `VALUECHAIN_UPDATE_GOLDEN=1`. "
                + "The tests fail when a function's highest gas grows by more than 10 % over this report.",
                existing), cancellationToken);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run GasReportTests once with VALUECHAIN_UPDATE_GOLDEN=1 and review it.");
        Dictionary<string, ulong> committed = ParseMaxima(await File.ReadAllTextAsync(path, cancellationToken));
        var problems = new List<string>();
        foreach ((string function, ulong max) in Maxima())
        {
            if (!committed.TryGetValue(function, out ulong allowed))
            {
                problems.Add($"{function} ({max} gas) is not in docs/gas.md");
            }
            else if (max > allowed * (1 + allowedGrowth))
            {
                problems.Add($"{function} used {max} gas, {(double)max / allowed - 1:P0} more than the {allowed} in docs/gas.md");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n(regenerate with VALUECHAIN_UPDATE_GOLDEN=1 after an intended change)");
    }

    /// <summary>Every [Fact] and [InlineData] case of a conformance suite, in declaration order.</summary>
    public static async Task RunScenariosAsync(object suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        foreach (MethodInfo scenario in suite.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance).OrderBy(m => m.MetadataToken))
        {
            if (scenario.GetCustomAttribute<TheoryAttribute>() is not null)
            {
                foreach (InlineDataAttribute data in scenario.GetCustomAttributes<InlineDataAttribute>())
                {
                    await (Task)scenario.Invoke(suite, data.Data)!;
                }
            }
            else if (scenario.GetCustomAttribute<FactAttribute>() is not null)
            {
                await (Task)scenario.Invoke(suite, null)!;
            }
        }
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
