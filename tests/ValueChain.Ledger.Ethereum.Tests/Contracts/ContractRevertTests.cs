using ValueChain.Ledger.Ethereum.Tests.Contracts;
using ValueChain.Testing;
using static ValueChain.Ledger.Ethereum.Tests.Contracts.BindingsProbe;

namespace ValueChain.Ledger.Ethereum.Tests;

// Reverts from anvil surface as typed exceptions with decoded fields: in calls, in gas estimates (before
// anything is sent) and in transactions that were mined and failed.
public sealed class ContractRevertTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_require_with_a_reason_is_a_RevertReasonException()
    {
        BindingsProbe probe = await ProbeSetup.DeployProbeAsync(await AnvilClients.FundedClientAsync(anvil, _http));

        var error = await Assert.ThrowsAsync<RevertReasonException>(() => probe.FailWithReasonAsync("part 17 is recalled", Cancel));

        Assert.Equal("part 17 is recalled", error.Reason);
        Assert.Equal(ErrorCodes.ContractReverted, error.Code);
    }

    [Fact]
    public async Task A_division_by_zero_is_a_PanicException_with_code_0x12()
    {
        BindingsProbe probe = await ProbeSetup.DeployProbeAsync(await AnvilClients.FundedClientAsync(anvil, _http));

        var error = await Assert.ThrowsAsync<PanicException>(() => probe.DivideAsync(10, 0, Cancel));

        Assert.Equal(0x12UL, error.PanicCode);
        Assert.Equal("division or modulo by zero", error.Description);
        Assert.Equal(new UInt256(5), await probe.DivideAsync(10, 2, Cancel));
    }

    [Fact]
    public async Task A_custom_error_is_its_generated_exception_with_typed_fields()
    {
        EthereumClient client = await AnvilClients.FundedClientAsync(anvil, _http);
        BindingsProbe probe = await ProbeSetup.DeployProbeAsync(client);
        await probe.StoreAsync(new Item(5, "Lenkgetriebe", [], client.Account!.Value), Cancel);

        var error = await Assert.ThrowsAsync<NotOwnerException>(() => probe.FailWithCustomErrorAsync(5, Cancel));

        Assert.Equal(client.Account!.Value, error.Caller);
        Assert.Equal(5UL, error.Id);
        Assert.Equal("Lenkgetriebe", error.Label);
        Assert.Equal("not_owner", error.Code);
        Assert.IsAssignableFrom<CustomErrorException>(error);
    }

    [Fact]
    public async Task A_send_that_would_revert_fails_at_the_estimate_and_sends_nothing()
    {
        EthereumClient owner = await AnvilClients.FundedClientAsync(anvil, _http);
        EthereumClient intruder = await AnvilClients.FundedClientAsync(anvil, _http);
        BindingsProbe ownersProbe = await ProbeSetup.DeployProbeAsync(owner);
        await ownersProbe.StoreAsync(new Item(1, "original", [], owner.Account!.Value), Cancel);
        var intrudersProbe = new BindingsProbe(intruder, ownersProbe.Address);

        var error = await Assert.ThrowsAsync<NotOwnerException>(() => intrudersProbe.StoreAsync(new Item(1, "forged", [], intruder.Account!.Value), Cancel));
        var empty = await Assert.ThrowsAsync<EmptyBatchException>(() => intrudersProbe.StoreBatchAsync(new Batch(default, [], [0, 0, 0]), Cancel));

        Assert.Equal((intruder.Account!.Value, 1UL, "original"), (error.Caller, error.Id, error.Label));
        Assert.Equal("empty_batch", empty.Code);
        Assert.Equal(0UL, await ProbeSetup.MinedNonceAsync(intruder));
        Assert.Equal("original", (await ownersProbe.GetAsync(1, Cancel)).Label);
    }

    [Fact]
    public async Task A_mined_transaction_that_reverted_is_explained_by_replaying_it()
    {
        EthereumClient owner = await AnvilClients.FundedClientAsync(anvil, _http);
        EthereumClient intruder = await AnvilClients.FundedClientAsync(anvil, _http);
        BindingsProbe probe = await ProbeSetup.DeployProbeAsync(owner);
        await probe.StoreAsync(new Item(1, "original", [], owner.Account!.Value), Cancel);

        // A fixed gas limit skips the estimate, so the transaction is mined and fails on chain.
        var error = await Assert.ThrowsAsync<NotOwnerException>(() => intruder.SendAsync(
            probe.Address, EncodeStoreCall(new Item(1, "forged", [], intruder.Account!.Value)), default, Errors, 200_000, Cancel));

        Assert.Equal((intruder.Account!.Value, 1UL), (error.Caller, error.Id));
        Assert.Equal(1UL, await ProbeSetup.MinedNonceAsync(intruder));
        Assert.Equal("original", (await probe.GetAsync(1, Cancel)).Label);
    }

    [Fact]
    public async Task Without_the_contracts_errors_a_custom_error_is_still_a_ContractRevertedException_with_its_data()
    {
        EthereumClient client = await AnvilClients.FundedClientAsync(anvil, _http);
        BindingsProbe probe = await ProbeSetup.DeployProbeAsync(client);

        var error = await Assert.ThrowsAsync<ContractRevertedException>(() => client.CallAsync(probe.Address, EncodeFailWithCustomErrorCall(3), errors: null, cancellationToken: Cancel));

        Assert.Equal(NotOwnerException.Abi.Selector, error.RevertData[..4].ToArray());
        Assert.IsNotType<NotOwnerException>(error);
    }

}
