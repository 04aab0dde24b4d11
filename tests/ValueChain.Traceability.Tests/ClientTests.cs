using static ValueChain.Conformance.Traceability.TraceabilityActors;

namespace ValueChain.Traceability.Tests;

public sealed class ClientTests
{
    [Fact]
    public async Task The_component_tree_and_where_used_follow_the_genealogy_in_both_directions()
    {
        await using CaseStudyLedger ledger = CaseStudyLedger.Start();
        await ledger.RunAsync();
        var oem = new TraceabilityClient(ledger.Contract, Oem);

        ComponentTree vehicle = await oem.GetComponentTreeAsync("WVWZZZ1JZXW000001");
        IReadOnlyList<Part> whereUsed = await oem.GetWhereUsedAsync("PAD-1");

        Assert.Equal(["BRAKE-1", "HORN-1"], vehicle.Components.Select(c => c.Part.PartId));
        Assert.Equal(["PAD-1", "SENSOR-1"], vehicle.Components[0].Components.Select(c => c.Part.PartId));
        Assert.Empty(vehicle.Components[1].Components);
        Assert.Equal(["BRAKE-1", "WVWZZZ1JZXW000001"], whereUsed.Select(p => p.PartId));
        Assert.Equal(ErrorCodes.NotFound, (await Assert.ThrowsAsync<ChaincodeException>(() => oem.GetWhereUsedAsync("NOPE"))).Code);
    }

    [Fact]
    public async Task The_client_signs_as_its_participant_and_asks_confidential_queries_as_it()
    {
        await using CaseStudyLedger ledger = CaseStudyLedger.Start();
        await ledger.RunAsync();
        var tier2b = new TraceabilityClient(ledger.Contract, Tier2b);
        var tier1 = new TraceabilityClient(ledger.Contract, Tier1);

        Assert.NotNull(await tier1.GetOrderAsync("O-OEM-1"));
        Assert.Equal(ErrorCodes.Unauthorized, (await Assert.ThrowsAsync<ChaincodeException>(() => tier2b.GetOrderAsync("O-OEM-1"))).Code);
        await tier2b.RegisterPartsAsync([new("PAD-2", "PN-PAD", "B-P8")], Plant);
        Assert.Equal(Tier2b.Address, (await ledger.Contract.GetPartAsync("PAD-2"))!.Manufacturer);
        Assert.Equal(["PAD-2"], (await tier2b.GetInventoryAsync()).Select(p => p.PartId));
    }

    [Fact]
    public async Task Rejections_stream_to_watchers_as_they_are_recorded()
    {
        await using CaseStudyLedger ledger = CaseStudyLedger.Start();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var watcher = new TraceabilityClient(ledger.Contract, Tier2b);
        IAsyncEnumerator<HandoverRejection> rejections = watcher.WatchRejectionsAsync(0, cancel.Token).GetAsyncEnumerator(cancel.Token);
        Task<bool> first = rejections.MoveNextAsync().AsTask();

        await ledger.RunAsync();

        Assert.True(await first);
        Assert.Equal(("D-OEM-1", RejectionReason.Unregistered), (rejections.Current.DeliveryId, rejections.Current.Parts[0].Reason));
        await cancel.CancelAsync();
        await rejections.DisposeAsync();
    }
}
