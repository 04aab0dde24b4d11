using System.Reflection;
using System.Xml.Linq;
using ValueChain.Conformance.Flexibility;
using ValueChain.Conformance.Traceability;
using ValueChain.Testing;

namespace ValueChain.Conformance.Tests;

/// <summary>Every application suite runs on every driver (the embedded ledger, anvil and a live Fabric network), and the ones the matrix names on hardhat.</summary>
public sealed class ConformanceMatrixTests
{
    [Fact]
    public void Every_application_suite_has_a_subclass_for_every_driver()
    {
        IReadOnlyList<Type> suites = ConformanceMatrix.Suites();
        Assert.Contains(typeof(TraceabilityConformance), suites);
        Assert.Contains(typeof(FlexibilityConformance), suites);

        IReadOnlyList<string> missing = ConformanceMatrix.Missing(suites, DriverTestAssemblies().SelectMany(a => a.GetTypes()));

        Assert.True(missing.Count == 0, "No conformance subclass for: " + string.Join("; ", missing));
    }

    [Fact]
    public void The_matrix_names_a_pair_whose_subclass_is_gone()
    {
        Type[] all = [.. DriverTestAssemblies().SelectMany(a => a.GetTypes())];
        Type removed = Assert.Single(all, t => t.Name == "FlexibilityOnFabricTests");

        IReadOnlyList<string> missing = ConformanceMatrix.Missing(ConformanceMatrix.Suites(), all.Where(t => t != removed));

        Assert.Equal(["FlexibilityConformance on LiveFabric"], missing);
    }

    [Fact]
    public void Traceability_and_flexibility_must_run_on_hardhat_and_traceability_on_a_shanghai_hardhat()
    {
        Type[] all = [.. DriverTestAssemblies().SelectMany(a => a.GetTypes())];
        string[] hardhatRuns = ["TraceabilityOnHardhatTests", "FlexibilityOnHardhatTests", "TraceabilityOnShanghaiHardhatTests"];
        Assert.All(hardhatRuns, name => Assert.Single(all, t => t.Name == name));

        IReadOnlyList<string> missing = ConformanceMatrix.Missing(ConformanceMatrix.Suites(), all.Where(t => !hardhatRuns.Contains(t.Name)));

        Assert.Equal(["FlexibilityConformance on Hardhat", "TraceabilityConformance on Hardhat", "TraceabilityConformance on ShanghaiHardhat"], missing.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_test_project_that_runs_a_suite_is_read_by_the_matrix()
    {
        // A driver test project the matrix does not reference would run suites unseen: every *.Tests project
        // whose sources mark a conformance run must be referenced here.
        string tests = Path.Combine(RepositoryPaths.Root, "tests");
        string self = Path.Combine(tests, "ValueChain.Conformance.Tests", "ValueChain.Conformance.Tests.csproj");
        HashSet<string> referenced = [.. References(self)];
        string[] users = [.. Directory.GetFiles(tests, "*.Tests.csproj", SearchOption.AllDirectories)
            .Where(p => p != self && MarksConformanceRuns(Path.GetDirectoryName(p)!))
            .Select(p => Path.GetFileNameWithoutExtension(p))];

        Assert.NotEmpty(users);
        Assert.All(users, project => Assert.Contains(project, referenced));
    }

    private static bool MarksConformanceRuns(string projectDirectory) =>
        Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Any(f => File.ReadAllText(f).Contains("[ConformanceDriver(", StringComparison.Ordinal));

    private static IEnumerable<string> References(string project) =>
        XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));

    private static IEnumerable<Assembly> DriverTestAssemblies() =>
        Directory.GetFiles(AppContext.BaseDirectory, "ValueChain.*.Tests.dll")
            .Where(path => Path.GetFileName(path) != "ValueChain.Conformance.Tests.dll")
            .Select(Assembly.LoadFrom);
}
