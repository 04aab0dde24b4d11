using System.Diagnostics;

namespace ValueChain.Ledger.Fabric.Testing;

/// <summary>
/// The script that started a live network (the description's <c>control</c> entry), for tests that stop and start a
/// peer: <c>script stop-peer N</c> / <c>start-peer N</c> with NET_DIR set.
/// </summary>
/// <param name="Script">The network script (tools/fabric/two-org-network.sh).</param>
/// <param name="NetDirectory">The network's NET_DIR.</param>
public sealed record LiveFabricControl(string Script, string NetDirectory)
{
    /// <summary>Stops peer <paramref name="number"/> (1-based, in the order of the description's peers).</summary>
    public Task StopPeerAsync(int number) => RunAsync("stop-peer", number);

    /// <summary>Starts peer <paramref name="number"/> again and waits until it listens.</summary>
    public Task StartPeerAsync(int number) => RunAsync("start-peer", number);

    private async Task RunAsync(string command, int number)
    {
        var start = new ProcessStartInfo("bash", [Script, command, number.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["NET_DIR"] = NetDirectory;
        start.Environment["FABRIC_SRC"] = Environment.GetEnvironmentVariable("FABRIC_SRC") ?? "/unused-for-peer-control";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {Script}");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Script} {command} {number} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }
}
