namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// Ledger time on a development chain (anvil, Hardhat): the latest block's timestamp, moved forward with
/// <c>evm_increaseTime</c> and a mined block, never by waiting. Ethereum time has whole seconds, so a
/// duration is rounded up to the next second. A public chain refuses these calls. Between moves the chain's time
/// follows the wall clock, unless the control was made by <see cref="StoppedAsync"/>.
/// </summary>
public sealed class DevChainTimeControl : ILedgerTimeControl
{
    private readonly JsonRpcClient _rpc;
    private readonly bool _stopped;

    /// <summary>Moves the time of the chain behind <paramref name="rpc"/>; between moves it follows the wall clock.</summary>
    public DevChainTimeControl(JsonRpcClient rpc)
        : this(rpc, stopped: false)
    {
    }

    private DevChainTimeControl(JsonRpcClient rpc, bool stopped)
    {
        _rpc = rpc ?? throw new ArgumentNullException(nameof(rpc));
        _stopped = stopped;
    }

    /// <summary>
    /// Stops the wall clock of the anvil node behind <paramref name="rpc"/> (every block gets its parent's timestamp,
    /// <c>anvil_setBlockTimestampInterval 0</c>) and returns the control that alone moves it, as
    /// the embedded ledger's <c>ManualLedgerClock</c> does: a run then decides the same whatever its wall time
    /// (a deadline compared with "now" does not depend on how long the transactions before it took). The node keeps the
    /// stopped clock until it restarts or <c>anvil_removeBlockTimestampInterval</c> is called.
    /// </summary>
    /// <exception cref="ConfigurationException">The node is not anvil (other nodes have no way to stop their clock).</exception>
    public static async Task<DevChainTimeControl> StoppedAsync(JsonRpcClient rpc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        string? version = await NodeKind.ClientVersionAsync(rpc, cancellationToken).ConfigureAwait(false);
        if (!NodeKind.IsAnvil(version))
        {
            throw new ConfigurationException($"A stopped ledger clock needs anvil (anvil_setBlockTimestampInterval); the node is {version ?? "unnamed"}.");
        }

        await rpc.CallAsync("anvil_setBlockTimestampInterval", [0], cancellationToken).ConfigureAwait(false);
        return new DevChainTimeControl(rpc, stopped: true);
    }

    /// <inheritdoc />
    public Task<DateTimeOffset> GetTimeAsync(CancellationToken cancellationToken = default) => BlockTime.OfAsync(_rpc, null, cancellationToken);

    /// <inheritdoc />
    public async Task AdvanceAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        long seconds = (long)Math.Ceiling(duration.TotalSeconds);
        if (seconds == 0)
        {
            return;
        }

        if (_stopped)
        {
            // With a block interval set, anvil ignores evm_increaseTime: the block is mined at the moved time itself.
            DateTimeOffset now = await GetTimeAsync(cancellationToken).ConfigureAwait(false);
            await _rpc.CallAsync("evm_mine", [now.ToUnixTimeSeconds() + seconds], cancellationToken).ConfigureAwait(false);
            return;
        }

        await _rpc.CallAsync("evm_increaseTime", [seconds], cancellationToken).ConfigureAwait(false);
        await _rpc.CallAsync("evm_mine", [], cancellationToken).ConfigureAwait(false);
    }
}
