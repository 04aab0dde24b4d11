using ValueChain.Testing;

namespace ValueChain.Traceability.Ethereum.Tests;

// Inside the namespace, so that the contract's structs (Location, Part …) win over the application's models of the same names.
using static ValueChain.Traceability.Ethereum.Contracts.Traceability;
using OnChain = ValueChain.Traceability.Ethereum.Contracts.Traceability;

// PartChain's parts on anvil, as the reference chaincode: batch registration (registrant is manufacturer
// and owner, ids unique, the chaincode's id rule), lookups, scans, and who may do what.
public sealed class TraceabilityPartsTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private static readonly Location Plant = new(48_783_300, 9_180_000, "Werk Untertürkheim");
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_registers_parts_owned_by_their_manufacturer_and_found_by_number_batch_and_owner()
    {
        (OnChain asOem, _, _) = await DeployAsync();
        Address oem = asOem.Client.Account!.Value;

        TransactionReceipt receipt = await asOem.RegisterPartsAsync(
            [new("VIN-WDB123", "W213", "B-2026-47", 2), new("BRK-0001", "BRK-330", "B-2026-47", 1), new("BRK-0002", "BRK-330", "B-2026-48", 1)], Plant, Cancel);
        Part vehicle = await asOem.PartAsync("VIN-WDB123", Cancel);
        IReadOnlyList<PartEventRecordedEvent> events = PartEventRecordedEvent.FromReceipt(receipt, asOem.Address);

        Assert.Equal(("VIN-WDB123", "W213", oem, oem, (byte)2, (byte)1), (vehicle.PartId, vehicle.PartNumber, vehicle.Manufacturer, vehicle.Owner, vehicle.Kind, vehicle.Status));
        Assert.NotEqual(0UL, vehicle.RegisteredAt);
        Assert.Equal(["BRK-0001", "BRK-0002"], (await asOem.PartsByPartNumberAsync("BRK-330", Cancel)).Select(p => p.PartId));
        Assert.Equal(["VIN-WDB123", "BRK-0001"], (await asOem.PartsByBatchAsync("B-2026-47", Cancel)).Select(p => p.PartId));
        Assert.Equal(3, (await asOem.PartsByOwnerAsync(oem, Cancel)).Count);
        Assert.Equal([Keccak256.Hash("VIN-WDB123"u8), Keccak256.Hash("BRK-0001"u8), Keccak256.Hash("BRK-0002"u8)], events.Select(e => e.PartKey));
        Assert.All(events, e => Assert.Equal((1, oem, true), (e.Kind, e.Actor, e.Located)));
        Assert.Equal(Plant, events[0].Location);
        Assert.Equal(["VIN-WDB123", "BRK-0001", "BRK-0002"], Assert.Single(PartsRegisteredEvent.FromReceipt(receipt, asOem.Address)).Parts.Select(p => p.PartId));
    }

    [Fact]
    public async Task A_duplicate_id_an_invalid_id_or_a_wrong_role_registers_nothing()
    {
        (OnChain asOem, OnChain asSupplier, OnChain asLsp) = await DeployAsync();
        await asOem.RegisterPartsAsync([new("P-1", "N", "B", 1)], Plant, Cancel);

        var existing = await Assert.ThrowsAsync<ConflictException>(() => asSupplier.RegisterPartsAsync([new("P-2", "N", "B", 1), new("P-1", "N", "B", 1)], Plant, Cancel));
        var withinBatch = await Assert.ThrowsAsync<ConflictException>(() => asSupplier.RegisterPartsAsync([new("P-3", "N", "B", 1), new("P-3", "N", "B", 1)], Plant, Cancel));
        var control = await Assert.ThrowsAsync<InvalidFormatException>(() => asOem.RegisterPartsAsync([new("P-\u0085", "N", "B", 1)], Plant, Cancel));
        var tooLong = await Assert.ThrowsAsync<InvalidFormatException>(() => asOem.RegisterPartsAsync([new(new string('x', 129), "N", "B", 1)], Plant, Cancel));
        var empty = await Assert.ThrowsAsync<InvalidFormatException>(() => asOem.RegisterPartsAsync([], Plant, Cancel));
        var kind = await Assert.ThrowsAsync<InvalidFormatException>(() => asOem.RegisterPartsAsync([new("P-4", "N", "B", 3)], Plant, Cancel));
        var lsp = await Assert.ThrowsAsync<UnauthorizedException>(() => asLsp.RegisterPartsAsync([new("P-5", "N", "B", 1)], Plant, Cancel));
        await asOem.RegisterPartsAsync([new(new string('€', 128), "N", "B", 1)], Plant, Cancel); // 128 characters, 384 bytes

        Assert.Equal(ErrorCodes.Conflict, existing.Code);
        Assert.Equal(ErrorCodes.Conflict, withinBatch.Code);
        Assert.All(new CustomErrorException[] { control, tooLong, empty, kind }, e => Assert.Equal(ErrorCodes.InvalidFormat, e.Code));
        Assert.Equal(ErrorCodes.Unauthorized, lsp.Code);
        Assert.Equal(0UL, (await asOem.PartAsync("P-2", Cancel)).RegisteredAt); // the whole batch was refused
        Assert.Equal(0UL, (await asOem.PartAsync("P-3", Cancel)).RegisteredAt);
        Assert.Equal(2, (await asOem.PartsByPartNumberAsync("N", Cancel)).Count);
    }

    [Fact]
    public async Task Any_participant_scans_a_registered_part_and_the_scan_is_in_its_history()
    {
        (OnChain asOem, _, OnChain asLsp) = await DeployAsync();
        await asOem.RegisterPartsAsync([new("P-9", "N", "B", 1)], Plant, Cancel);
        var dock = new Location(51_230_000, 6_780_000, "Hafen Düsseldorf");

        TransactionReceipt scanned = await asLsp.ScanAsync("P-9", dock, Cancel);
        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => asLsp.ScanAsync("P-404", dock, Cancel));
        EthereumClient stranger = await AnvilClients.FundedClientAsync(anvil, _http);
        var outsider = await Assert.ThrowsAsync<UnauthorizedException>(() => new OnChain(stranger, asOem.Address).ScanAsync("P-9", dock, Cancel));
        List<PartEventRecordedEvent> history = await asOem.GetPartEventRecordedEventsAsync(0, scanned.BlockNumber, partKey: Keccak256.Hash("P-9"u8), cancellationToken: Cancel).ToListAsync(Cancel);

        Assert.Equal([(byte)1, (byte)3], history.Select(e => e.Kind)); // registered, scanned
        Assert.Equal((asLsp.Client.Account!.Value, dock), (history[1].Actor, history[1].Location));
        Assert.Equal(ErrorCodes.NotFound, unknown.Code);
        Assert.Equal(ErrorCodes.Unauthorized, outsider.Code);
    }

    private Task<(OnChain AsOem, OnChain AsSupplier, OnChain AsLsp)> DeployAsync() => TraceabilitySetup.DeployAsync(anvil, _http);
}
