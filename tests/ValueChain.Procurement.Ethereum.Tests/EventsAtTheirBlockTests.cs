using ValueChain.Conformance.Procurement;
using ValueChain.Cryptography;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;
using ValueChain.Testing;
using static ValueChain.Conformance.Procurement.ProcurementActors;

namespace ValueChain.Procurement.Ethereum.Tests;

// An event translated after later transactions changed the state its payload reads (a query of old blocks, a
// subscriber catching up) carries the state its own transaction left, as the embedded ledger emits it; a node that no
// longer holds that state fails the translation naming the block rather than showing the latest state.
public sealed class EventsAtTheirBlockTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    private const string MachineId = "MACHINE-1";

    private static readonly MachineRegistration Registration =
        new(MachineId, Machine1.Address, [new MaterialSlot(Bolts, 10, 3, 100), new MaterialSlot(Oil, 2, 1, 10)], TimeSpan.FromDays(30));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_machine_registration_read_after_a_consumption_carries_the_stocks_it_registered_as_on_the_embedded_ledger()
    {
        await using ProcurementUnderTest onAnvil = await AnvilMarketplaces.StartAsync(anvil, Options());
        var clock = new ManualLedgerClock(DateTimeOffset.UnixEpoch);
        InMemoryLedger ledger = InMemoryLedger.Open(
            new InMemoryLedgerOptions { Clock = clock, Membership = MembershipMode.Open, ProducerKey = PrivateKey.FromBytes(Keccak256.Hash("producer"u8).ToArray()) },
            [new ProcurementChaincode(Options())]);
        await using var embedded = new ProcurementUnderTest(new ProcurementChaincodeAdapter(ledger), ledger, ledger);

        // Each step on anvil, then on the embedded ledger at the time of anvil's block: the payloads' times agree.
        async Task<(ProcurementReceipt OnAnvil, ProcurementReceipt Embedded)> StepAsync(Func<IProcurementContract, Task<ProcurementReceipt>> step)
        {
            ProcurementReceipt onChain = await step(onAnvil.Contract);
            clock.SetUtcNow(await onAnvil.Time.GetTimeAsync(Cancel));
            return (onChain, await step(embedded.Contract));
        }

        var registered = await StepAsync(c => c.RegisterMachineAsync(AcmeEngineer, Registration, Cancel));
        var consumed = await StepAsync(c => c.ReportConsumptionAsync(Machine1, Bolts, 4, Cancel));

        IReadOnlyList<LedgerEvent> late = await onAnvil.Contract.GetEventsAsync(registered.OnAnvil.BlockNumber, consumed.OnAnvil.BlockNumber, Cancel);

        Assert.Equal(6, (await onAnvil.Contract.GetMachineAsync(MachineId, Cancel))!.Slots.Single(s => s.MaterialNumber == Bolts).Stock); // what the latest state says
        Assert.Contains(late, e => e.Name == ProcurementEvents.MachineRegistered);
        Assert.Equal(Contents(registered.Embedded, consumed.Embedded), Contents(late));
        Assert.Equal(Contents(registered.OnAnvil, consumed.OnAnvil), Contents(late)); // as the receipts gave them at once
    }

    [Fact]
    public async Task Write_once_events_older_than_the_nodes_state_window_are_translated_as_their_receipts_gave_them()
    {
        await using ProcurementUnderTest onAnvil = await AnvilMarketplaces.StartAsync(anvil, Options());
        DateTimeOffset now = await onAnvil.Time.GetTimeAsync(Cancel);
        ProcurementReceipt registered = await onAnvil.Contract.RegisterMachineAsync(AcmeEngineer, Registration, Cancel);
        IProcurementContract c = onAnvil.Contract;
        ProcurementReceipt quoted = await c.CreateQuotationAsync(BoltSupplier, new QuotationTerms(Bolts, 5, now, now.AddDays(30), TimeSpan.FromDays(2)), Cancel);
        long quotation = quoted.QuotationId!.Value;
        ProcurementReceipt[] ordered =
        [
            await c.MintAsync(Operator, Machine1.Address, 1_000, Cancel),
            await c.ApproveAsync(Machine1, c.EscrowAccount, UInt256.MaxValue, Cancel),
            await c.ApproveQuotationAsync(AcmeBuyer, quotation, Cancel),
            await c.PlaceOrderAsync(Machine1, new OrderRequest("O-1", Bolts, quotation, 1, 20), Cancel),
            await c.ConfirmArrivalAsync(Machine1, "O-1", Cancel), // rates BOLT, a company that is never removed
        ];
        ProcurementReceipt consumed = await c.ReportConsumptionAsync(Machine1, Bolts, 4, Cancel);
        ProcurementReceipt revoked = await GrantAndRevokeAsync(c);
        await anvil.MinePastTheStateWindowAsync(Cancel);

        IReadOnlyList<LedgerEvent> late = await c.GetEventsAsync(registered.BlockNumber, consumed.BlockNumber, Cancel);

        // The registration's stocks come from its input (the state of its block is gone, the latest holds 26), the
        // quotation version, the order and its escrow from the latest state, which is their state then (the payloads
        // set an open order's status themselves), the rated company's removal from the latest state, which says it
        // was never removed.
        await Assert.ThrowsAsync<StateUnavailableException>(() => c.GetEventsAsync(revoked.BlockNumber, revoked.BlockNumber, Cancel));
        Assert.Contains(late, e => e.Name == ProcurementEvents.MachineRegistered);
        Assert.Contains(late, e => e.Name == ProcurementEvents.OrderPlaced);
        Assert.Contains(late, e => e.Name == ProcurementEvents.SupplierRated);
        Assert.Equal(Contents([registered, quoted, .. ordered, consumed]), Contents(late));
    }

    [Fact]
    public async Task A_changeable_read_whose_block_state_the_node_no_longer_holds_fails_naming_the_block_instead_of_showing_the_latest_state()
    {
        await using ProcurementUnderTest onAnvil = await AnvilMarketplaces.StartAsync(anvil, Options());
        await onAnvil.Contract.RegisterMachineAsync(AcmeEngineer, Registration, Cancel);
        ProcurementReceipt revoked = await GrantAndRevokeAsync(onAnvil.Contract);
        // Granted again: the latest state holds this grant, not the revoked one.
        await onAnvil.Contract.GrantBookAccessAsync(AcmeAdmin, MachineId, UsedMachineBuyer.Address, Cancel);
        await anvil.MinePastTheStateWindowAsync(Cancel);

        var error = await Assert.ThrowsAsync<StateUnavailableException>(() => onAnvil.Contract.GetEventsAsync(revoked.BlockNumber, revoked.BlockNumber, Cancel));

        Assert.Equal((ulong)revoked.BlockNumber, error.Block);
        Assert.Contains($"block {revoked.BlockNumber}", error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.NodeError, error.Code);
    }

    // A book grant revoked (state that a later grant overwrites): the revocation's receipt.
    private static async Task<ProcurementReceipt> GrantAndRevokeAsync(IProcurementContract contract)
    {
        await contract.GrantBookAccessAsync(AcmeAdmin, MachineId, UsedMachineBuyer.Address, Cancel);
        return await contract.RevokeBookAccessAsync(AcmeAdmin, MachineId, UsedMachineBuyer.Address, Cancel);
    }

    // The events' names and payloads; within a transaction as a multiset (the ledgers may order a transaction's events differently).
    private static string[] Contents(params ProcurementReceipt[] receipts) => Contents([.. receipts.SelectMany(r => r.Events)]);

    private static string[] Contents(IReadOnlyList<LedgerEvent> events) =>
        [.. events.GroupBy(e => e.TransactionId).SelectMany(t => t.Select(e => $"{e.Chaincode} {e.Name} {e.PayloadJson}").Order(StringComparer.Ordinal))];
}
