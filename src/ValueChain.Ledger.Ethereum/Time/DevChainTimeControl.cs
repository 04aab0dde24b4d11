namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// Ledger time on a development chain (anvil, Hardhat): the latest block's timestamp, moved forward with
/// <c>evm_increaseTime</c> and a mined block, never by waiting. Ethereum time has whole seconds, so a
/// duration is rounded up to the next second. A public chain refuses these calls.
/// </summary>
public sealed class DevChainTimeControl(JsonRpcClient rpc) : ILedgerTimeControl
{
    private readonly JsonRpcClient _rpc = rpc ?? throw new ArgumentNullException(nameof(rpc));

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

        await _rpc.CallAsync("evm_increaseTime", [seconds], cancellationToken).ConfigureAwait(false);
        await _rpc.CallAsync("evm_mine", [], cancellationToken).ConfigureAwait(false);
    }
}
