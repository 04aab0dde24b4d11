using System.Diagnostics;
using ValueChain.Testing;

namespace ValueChain.Storage.Ipfs.Tests;

/// <summary>
/// Runs one of this project's js/*.mjs scripts with node from tools/, so that its imports resolve to
/// the pinned packages in tools/node_modules (an --eval module resolves from the working directory).
/// </summary>
internal static class NodeScript
{
    internal static string Tools => Path.Combine(RepositoryPaths.Root, "tools");

    internal static async Task<string> RunAsync(string script, params string[] arguments)
    {
        Assert.True(File.Exists(Path.Combine(Tools, "node_modules", "ipfs-unixfs-importer", "package.json")),
            "ipfs-unixfs-importer is missing from tools/node_modules: run ./test.sh (or npm ci in tools/) first.");
        string source = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "js", script), TestContext.Current.CancellationToken);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Tools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in (string[])["--input-type=module", "--eval", source, "--", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"node {script} failed ({process.ExitCode}): {await error}");
        return (await output).Trim();
    }
}
