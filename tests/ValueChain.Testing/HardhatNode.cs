using System.Diagnostics;

namespace ValueChain.Testing;

/// <summary>
/// A hardhat 3 node (<c>hardhat node</c> with hardhat's default hardfork) on a free loopback port, from the pinned npm
/// packages in tools/, stopped on dispose. <c>VALUECHAIN_HARDHAT_URL</c> or <c>VALUECHAIN_HARDHAT_COMMAND</c> put
/// another development node in its place (see <see cref="DevelopmentNode"/>). Subclasses start another network of
/// tools/hardhat/hardhat.config.js.
/// </summary>
public class HardhatNode : DevelopmentNode
{
    private readonly string _network;
    private string? _state;

    /// <summary>Network "node": hardhat's defaults.</summary>
    public HardhatNode()
        : this("VALUECHAIN_HARDHAT", "node")
    {
    }

    /// <summary>Network <paramref name="network"/> of tools/hardhat/hardhat.config.js, overridable by the variables <c>{variablePrefix}_URL</c> and <c>{variablePrefix}_COMMAND</c>.</summary>
    protected HardhatNode(string variablePrefix, string network)
        : base(variablePrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(network);
        _network = network;
    }

    /// <inheritdoc />
    protected override string Name => $"hardhat (network {_network})";

    /// <inheritdoc />
    protected override ProcessStartInfo DefaultStart(int port)
    {
        _state = Directory.CreateTempSubdirectory("valuechain-hardhat-").FullName;
        return HardhatCommand.Start(_network, port, _state);
    }

    // hardhat node logs every call it answers; the tests read nothing of it, and writing it costs CPU the other tests need.
    /// <inheritdoc />
    protected override async Task OnStartedAsync()
    {
        if (StartedByDefault)
        {
            await CallAsync("hardhat_setLoggingEnabled", false);
        }
    }

    /// <inheritdoc />
    protected override void OnStopped()
    {
        if (_state is not null && Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }
}
