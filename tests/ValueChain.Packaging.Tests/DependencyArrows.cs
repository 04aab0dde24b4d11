namespace ValueChain.Packaging.Tests;

/// <summary>
/// The layering rule of ARCHITECTURE.md over project references: a driver (ValueChain.Ledger.*, ValueChain.Storage.*)
/// never references an application (ValueChain.Traceability, .Flexibility, .Procurement, .V2V, .AppMarket), and an
/// application never references a driver, directly or through other projects. An application's Ethereum package
/// (ValueChain.&lt;App&gt;.Ethereum) sits between the two and may reference both.
/// </summary>
internal static class DependencyArrows
{
    private static readonly string[] Applications = ["Traceability", "Flexibility", "Procurement", "V2V", "AppMarket"];

    public static bool IsApplication(string project) => Applications.Any(app => project == $"ValueChain.{app}");

    public static bool IsDriver(string project) =>
        project.StartsWith("ValueChain.Ledger.", StringComparison.Ordinal) || project.StartsWith("ValueChain.Storage.", StringComparison.Ordinal);

    /// <summary>Every arrow that points the wrong way, as "from → to (via …)", for the projects and their direct references given.</summary>
    public static IReadOnlyList<string> Violations(IReadOnlyDictionary<string, IReadOnlyList<string>> references)
    {
        var violations = new List<string>();
        foreach (string project in references.Keys.Order(StringComparer.Ordinal))
        {
            foreach ((string reached, string path) in Reachable(project, references))
            {
                if ((IsDriver(project) && IsApplication(reached)) || (IsApplication(project) && IsDriver(reached)))
                {
                    violations.Add($"{project} → {reached} (via {path})");
                }
            }
        }

        return violations;
    }

    // Every project reachable from `start`, with the path that first reached it.
    private static IEnumerable<(string Project, string Path)> Reachable(string start, IReadOnlyDictionary<string, IReadOnlyList<string>> references)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<(string Project, string Path)>([(start, start)]);
        while (queue.TryDequeue(out (string Project, string Path) current))
        {
            foreach (string next in references.GetValueOrDefault(current.Project) ?? [])
            {
                if (seen.Add(next))
                {
                    string path = $"{current.Path} → {next}";
                    yield return (next, path);
                    queue.Enqueue((next, path));
                }
            }
        }
    }
}
