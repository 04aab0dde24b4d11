using ValueChain.Conformance.Traceability;
using ValueChain.Ledger;
using ValueChain.Testing;
using static ValueChain.Conformance.Traceability.TraceabilityActors;

namespace ValueChain.Traceability.Ethereum.Tests;

// Traceability's payloads read only state that never changes once written, at the latest state: a read model that
// replays from genesis (the ERP projection) translates events older than the node's state window as their receipts
// gave them, on a node that keeps only recent states as a full node does.
public sealed class OldEventsTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_older_than_the_nodes_state_window_are_translated_as_their_receipts_gave_them()
    {
        await using TraceabilityUnderTest ledger = await AnvilTraceability.StartAsync(anvil, Options(invitationApprovals: 2));
        ITraceabilityContract c = ledger.Contract;
        DateTimeOffset due = new DateTimeOffset((await ledger.Time.GetTimeAsync(Cancel)).UtcDateTime.Date, TimeSpan.Zero).AddDays(10);
        var receipts = new List<TraceabilityReceipt>
        {
            await c.RegisterPartsAsync(Tier2a, [new PartRegistration("P-1", "PN-SENSOR", "B-1"), new PartRegistration("P-2", "PN-SENSOR", "B-1")], Plant, Cancel),
            await c.PlaceOrderAsync(Oem, "O-1", Tier2a.Address, "PN-SENSOR", 2, due, Cancel),
            await c.CreateDeliveryAsync(Tier2a, "D-1", "O-1", Lsp.Address, ["P-1", "P-2"], Cancel),
            await c.PickUpAsync(Lsp, "D-1", ["P-2", "P-1"], Plant, Cancel), // the delivery's parts
            await c.AcceptDeliveryAsync(Oem, "D-1", ["P-1", "P-2"], Plant, Cancel),
            await c.InviteAsync(Oem, Stranger.Address, "New Supplier", ParticipantRole.Supplier, cancellationToken: Cancel),
            await c.ApproveInvitationAsync(Tier1, Stranger.Address, Cancel), // the invitation's first approvals
            await c.ProposeCorrectionAsync(Oem, "K-1", "P-1", Tier2b.Address, "delivered to tier-2 B by mistake", Cancel), // the reason
            await c.ApproveCorrectionAsync(Tier1, "K-1", Cancel),
            await c.RevokeAsync(Oem, Lsp.Address, Cancel), // the revoked participant
        };
        using var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
        await anvil.MinePastTheStateWindowAsync(Cancel);

        IReadOnlyList<LedgerEvent> late = await c.GetEventsAsync(receipts[0].BlockNumber, receipts[^1].BlockNumber, Cancel);

        var refused = await Assert.ThrowsAsync<JsonRpcException>(() => rpc.CallAsync("eth_call", [new Dictionary<string, object?> { ["to"] = Oem.Address.ToString() }, $"0x{receipts[0].BlockNumber:x}"], Cancel));
        Assert.Contains("BlockOutOfRange", refused.RpcMessage, StringComparison.Ordinal); // the old blocks' state is gone
        Assert.Contains(late, e => e.Name == TraceabilityEvents.CorrectionProposed);
        Assert.Contains(late, e => e.Name == TraceabilityEvents.ParticipantRevoked);
        Assert.Equal(Contents([.. receipts.SelectMany(r => r.Events)]), Contents(late));
    }

    private static string[] Contents(IReadOnlyList<LedgerEvent> events) => [.. events.Select(e => $"{e.Chaincode} {e.Name} {e.PayloadJson}")];
}
