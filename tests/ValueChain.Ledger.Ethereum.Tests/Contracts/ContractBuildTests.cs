using ValueChain.Testing;

namespace ValueChain.Ledger.Ethereum.Tests;

// The committed ABI and bytecode artefacts are what the pinned solc makes of the committed sources.
public sealed class ContractBuildTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("valuechain-solc-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public async Task Rebuilding_the_contracts_reproduces_the_committed_artefacts_byte_for_byte()
    {
        string contracts = Path.Combine(RepositoryPaths.Root, "contracts");
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "tools", "node_modules", "solc", "package.json")),
            "solc is missing from tools/node_modules: run ./test.sh (or npm ci in tools/) first.");

        (int exitCode, string output, string error) = await ChildProcess.RunAsync("node", Path.Combine(contracts, "build.mjs"), "--out", _output);

        Assert.True(exitCode == 0, $"contracts/build.mjs failed:\n{output}{error}");
        string[] committed = [.. Directory.GetFiles(Path.Combine(contracts, "artifacts")).Select(Path.GetFileName).Order()!];
        string[] rebuilt = [.. Directory.GetFiles(_output).Select(Path.GetFileName).Order()!];
        Assert.Equal(committed, rebuilt);
        Assert.Contains("BindingsProbe.bin", committed);
        foreach (string file in committed)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(contracts, "artifacts", file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_output, file))),
                $"contracts/artifacts/{file} differs from what solc builds now: run `node contracts/build.mjs` and commit the result.");
        }
    }
}
