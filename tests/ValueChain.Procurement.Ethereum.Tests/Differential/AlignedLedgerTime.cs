using ValueChain.Ledger.InMemory;

namespace ValueChain.Procurement.Ethereum.Tests;

/// <summary>
/// One ledger time for the embedded ledger and anvil, set before every step: the embedded ledger's
/// <see cref="ManualLedgerClock"/> is set to it, and anvil's next block gets it as its timestamp
/// (<c>evm_setNextBlockTimestamp</c>); a step that mined no block (a refusal, a move of time) mines an empty one at
/// it, so that reads at the latest block see the same time as the embedded ledger's reads. Gas estimation runs on the
/// pending block, which has that timestamp too, so a check at an exact deadline is decided the same way on both.
/// </summary>
internal sealed class AlignedLedgerTime(ManualLedgerClock embedded, JsonRpcClient anvil)
{
    private long _anvilBlock = -1;

    /// <summary>The time both ledgers are at (whole seconds: Ethereum's block times).</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>Starts at the later of the two ledgers' times, a second on.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset latest = await new DevChainTimeControl(anvil).GetTimeAsync(cancellationToken);
        Now = DateTimeOffset.FromUnixTimeSeconds(Math.Max(latest.ToUnixTimeSeconds(), embedded.GetUtcNow().ToUnixTimeSeconds()) + 1);
        embedded.SetUtcNow(Now);
    }

    /// <summary>Moves both ledgers to <paramref name="gap"/> (at least a second) after the last step, before the step runs.</summary>
    public async Task BeforeStepAsync(TimeSpan gap, CancellationToken cancellationToken)
    {
        Now += TimeSpan.FromSeconds(Math.Max(1, (long)Math.Ceiling(gap.TotalSeconds)));
        embedded.SetUtcNow(Now);
        _anvilBlock = await BlockNumberAsync(cancellationToken);
        await anvil.CallAsync("evm_setNextBlockTimestamp", [Now.ToUnixTimeSeconds()], cancellationToken);
    }

    /// <summary>Mines an empty block at the step's time on anvil when the step mined none.</summary>
    public async Task AfterStepAsync(CancellationToken cancellationToken)
    {
        if (await BlockNumberAsync(cancellationToken) == _anvilBlock)
        {
            await anvil.CallAsync("evm_mine", [Now.ToUnixTimeSeconds()], cancellationToken);
        }
    }

    private async Task<long> BlockNumberAsync(CancellationToken cancellationToken) =>
        (long)HexQuantity.Parse(await anvil.CallAsync("eth_blockNumber", [], cancellationToken));
}
