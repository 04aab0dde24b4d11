using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;
using ValueChain.Testing;

namespace ValueChain.Packaging.Tests;

/// <summary>
/// `dotnet pack` of the solution yields one package per src project, each with its README, license
/// and XML docs. Packs the already-built binaries of this test's own configuration.
/// </summary>
public sealed class PackTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("valuechain-pack-").FullName;

    [Fact]
    public async Task Every_src_project_packs_with_its_readme_and_license()
    {
        string configuration = typeof(PackTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        string[] projects = Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src")).Select(Path.GetFileName).ToArray()!;
        Assert.NotEmpty(projects);

        (int exitCode, string output, string error) = await ChildProcess.RunAsync("dotnet", "pack", Path.Combine(RepositoryPaths.Root, "ValueChain.sln"), "-c", configuration, "--no-build", "-o", _output, "-nologo");

        Assert.True(exitCode == 0, $"dotnet pack failed:\n{output}{error}");
        foreach (string project in projects)
        {
            string package = Assert.Single(Directory.GetFiles(_output, $"{project}.*.nupkg"), p => IsVersionOf(project, p));
            using ZipArchive zip = ZipFile.OpenRead(package);
            Assert.Contains(zip.Entries, e => e.FullName == "README.md" && e.Length > 0);
            XDocument nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            XNamespace ns = nuspec.Root!.GetDefaultNamespace();
            XElement metadata = nuspec.Root.Element(ns + "metadata")!;
            Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
            Assert.Equal("Apache-2.0", metadata.Element(ns + "license")?.Value);
            Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value), $"{project} has no description");
            Assert.Contains(zip.Entries, e => e.FullName.EndsWith($"{project}.xml", StringComparison.Ordinal) || e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
            if (zip.Entries.Any(e => e.FullName == $"analyzers/dotnet/cs/{project}.dll"))
            {
                // A source generator: the compiler loads it from analyzers/, with its PDB embedded; no lib/, no symbols package.
                Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("lib/", StringComparison.Ordinal));
                continue;
            }

            Assert.Single(Directory.GetFiles(_output, $"{project}.*.snupkg"), p => IsVersionOf(project, p));
        }
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    // "ValueChain.Ledger.0.1.0.nupkg" must not count as a package of a project named "ValueChain.Ledger.InMemory".
    private static bool IsVersionOf(string project, string path) =>
        char.IsDigit(Path.GetFileName(path)[project.Length + 1]);
}
