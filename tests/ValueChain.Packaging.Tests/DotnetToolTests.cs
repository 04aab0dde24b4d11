using System.Reflection;
using ValueChain.Testing;

namespace ValueChain.Packaging.Tests;

/// <summary>
/// The valuechain tool installs as a user installs it, with <c>dotnet tool install</c> from its packed package into a
/// temporary tool path, and runs from there.
/// </summary>
public sealed class DotnetToolTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("valuechain-tool-").FullName;

    [Fact]
    public async Task The_packed_tool_installs_with_dotnet_tool_install_and_runs_a_demo()
    {
        string configuration = typeof(DotnetToolTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        string packages = Path.Combine(_folder, "packages");
        string tools = Path.Combine(_folder, "tools");
        await RunAsync("dotnet", "pack", Path.Combine(RepositoryPaths.Root, "src", "ValueChain.Cli"), "-c", configuration, "--no-build", "-o", packages, "-nologo");
        string package = Path.GetFileNameWithoutExtension(Assert.Single(Directory.GetFiles(packages, "ValueChain.Cli.*.nupkg"), p => !p.EndsWith(".snupkg", StringComparison.Ordinal)));
        string version = package["ValueChain.Cli.".Length..];

        await RunAsync("dotnet", "tool", "install", "ValueChain.Cli", "--tool-path", tools, "--add-source", packages, "--version", version);
        string valuechain = Path.Combine(tools, OperatingSystem.IsWindows() ? "valuechain.exe" : "valuechain");
        string printed = await RunAsync(valuechain, "--version");
        string demo = await RunAsync(valuechain, "demo", "identity");

        Assert.StartsWith(version, printed.Trim(), StringComparison.Ordinal);
        // The demo ran to its end from the installed tool: keys derived, a record signed and its signer recovered.
        Assert.Contains("m/44'/60'/0'/0/0", demo, StringComparison.Ordinal);
        Assert.Contains("Recovered signer", demo, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        (int exitCode, string output, string error) = await ChildProcess.RunAsync(program, arguments);
        Assert.True(exitCode == 0, $"{program} {string.Join(' ', arguments)} failed ({exitCode}):\n{output}{error}");
        return output;
    }
}
