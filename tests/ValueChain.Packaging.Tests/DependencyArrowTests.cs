using System.Xml.Linq;
using ValueChain.Testing;

namespace ValueChain.Packaging.Tests;

// Arrows point down only: the src projects' references obey the layering, and the rule itself catches both wrong directions.
public sealed class DependencyArrowTests
{
    [Fact]
    public void No_driver_references_an_application_and_no_application_a_driver()
    {
        Dictionary<string, IReadOnlyList<string>> references = SourceProjects();

        Assert.Contains("ValueChain.Ledger.Ethereum", references.Keys);
        Assert.Contains("ValueChain.Traceability.Ethereum", references.Keys);
        Assert.Empty(DependencyArrows.Violations(references));
        Assert.DoesNotContain(references["ValueChain.Ledger.Ethereum"], DependencyArrows.IsApplication);
    }

    [Fact]
    public void The_rule_catches_a_driver_that_references_an_application_and_an_application_that_references_a_driver()
    {
        var references = new Dictionary<string, IReadOnlyList<string>>
        {
            ["ValueChain.Ledger.Ethereum"] = ["ValueChain.Abstractions", "ValueChain.Flexibility"],
            ["ValueChain.Storage.Ipfs"] = ["ValueChain.Helper"],
            ["ValueChain.Helper"] = ["ValueChain.AppMarket"],
            ["ValueChain.Traceability"] = ["ValueChain.Ledger.InMemory"],
            ["ValueChain.V2V"] = ["ValueChain.Abstractions"],
            ["ValueChain.Traceability.Ethereum"] = ["ValueChain.Traceability", "ValueChain.Ledger.Ethereum"],
        };

        IReadOnlyList<string> violations = DependencyArrows.Violations(references);

        Assert.Equal(
            [
                "ValueChain.Ledger.Ethereum → ValueChain.Flexibility (via ValueChain.Ledger.Ethereum → ValueChain.Flexibility)",
                "ValueChain.Storage.Ipfs → ValueChain.AppMarket (via ValueChain.Storage.Ipfs → ValueChain.Helper → ValueChain.AppMarket)",
                "ValueChain.Traceability → ValueChain.Ledger.InMemory (via ValueChain.Traceability → ValueChain.Ledger.InMemory)",
            ],
            violations);
    }

    // Every src/*/*.csproj with the projects it references directly.
    private static Dictionary<string, IReadOnlyList<string>> SourceProjects() =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(
                path => Path.GetFileNameWithoutExtension(path),
                path => (IReadOnlyList<string>)[.. XDocument.Load(path).Descendants("ProjectReference")
                    .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar)))]);
}
