using ValueChain.Testing;

namespace ValueChain.Ledger.Ethereum.Tests;

// The committed ABI and bytecode artefacts — contracts/artifacts and every application package's Artifacts folder —
// are what the pinned solc makes of the committed sources.
public sealed class ContractBuildTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("valuechain-solc-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public async Task Rebuilding_the_contracts_reproduces_the_committed_artefacts_byte_for_byte()
    {
        string root = RepositoryPaths.Root;
        Assert.True(File.Exists(Path.Combine(root, "tools", "node_modules", "solc", "package.json")),
            "solc is missing from tools/node_modules: run ./test.sh (or npm ci in tools/) first.");

        (int exitCode, string output, string error) = await ChildProcess.RunAsync("node", Path.Combine(root, "contracts", "build.mjs"), "--out", _output);

        Assert.True(exitCode == 0, $"contracts/build.mjs failed:\n{output}{error}");
        string[] committedFolders = [.. ArtefactFolders(root)];
        Assert.Equal(committedFolders, ArtefactFolders(_output));
        Assert.Contains(Path.Combine("src", "ValueChain.Traceability.Ethereum", "Artifacts"), committedFolders);
        Assert.Contains(Path.Combine("src", "ValueChain.Flexibility.Ethereum", "Artifacts"), committedFolders);
        Assert.Contains(Path.Combine("src", "ValueChain.Traceability.Ethereum", "Artifacts", "shanghai"), committedFolders);
        foreach (string folder in committedFolders)
        {
            string[] committed = [.. Directory.GetFiles(Path.Combine(root, folder)).Select(Path.GetFileName).Order()!];
            string[] rebuilt = [.. Directory.GetFiles(Path.Combine(_output, folder)).Select(Path.GetFileName).Order()!];
            Assert.Equal(committed, rebuilt);
            foreach (string file in committed)
            {
                Assert.True(
                    File.ReadAllBytes(Path.Combine(root, folder, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_output, folder, file))),
                    $"{folder}/{file} differs from what solc builds now: run `node contracts/build.mjs` and commit the result.");
            }
        }

        Assert.Contains("BindingsProbe.bin", Directory.GetFiles(Path.Combine(root, "contracts", "artifacts")).Select(Path.GetFileName));
    }

    // contracts/artifacts and src/<Package>/Artifacts (with its shanghai/ build) below a root, relative to it.
    private static IEnumerable<string> ArtefactFolders(string root) =>
        new[] { Path.Combine("contracts", "artifacts") }
            .Concat(Directory.Exists(Path.Combine(root, "src"))
                ? Directory.GetDirectories(Path.Combine(root, "src")).SelectMany(p => new[] { Path.Combine("src", Path.GetFileName(p), "Artifacts"), Path.Combine("src", Path.GetFileName(p), "Artifacts", "shanghai") })
                : [])
            .Where(folder => Directory.Exists(Path.Combine(root, folder)))
            .Order(StringComparer.Ordinal);
}
