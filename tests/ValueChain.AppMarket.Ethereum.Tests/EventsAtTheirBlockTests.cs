using ValueChain.Conformance.AppMarket;
using ValueChain.Cryptography;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;
using ValueChain.Testing;
using static ValueChain.Conformance.AppMarket.AppMarketActors;

namespace ValueChain.AppMarket.Ethereum.Tests;

// An event translated after later transactions changed the state its payload reads carries the state its own
// transaction left, as the embedded ledger emits it: a technician's authorisation read after the revocation (which
// deletes the contract's record) is still the authorisation, with the technician as authorised; its name comes from the
// authorisation's input, so that an authorisation older than the node's state window is translated too.
public sealed class EventsAtTheirBlockTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_technicians_authorisation_read_after_the_revocation_is_the_authorisation_the_embedded_ledger_emits()
    {
        await using AppMarketUnderTest onAnvil = await AnvilMarketplaces.StartAsync(anvil, Options());
        var clock = new ManualLedgerClock(DateTimeOffset.UnixEpoch);
        InMemoryLedger ledger = InMemoryLedger.Open(
            new InMemoryLedgerOptions { Clock = clock, Membership = MembershipMode.Open, ProducerKey = PrivateKey.FromBytes(Keccak256.Hash("producer"u8).ToArray()) },
            [new AppMarketChaincode(Options())]);
        await using var embedded = new AppMarketUnderTest(new AppMarketChaincodeAdapter(ledger), ledger, ledger);

        // Each step on anvil, then on the embedded ledger at the time of anvil's block: the payloads' times agree.
        async Task<(AppMarketReceipt OnAnvil, AppMarketReceipt Embedded)> StepAsync(Func<IAppMarketContract, Task<AppMarketReceipt>> step)
        {
            AppMarketReceipt onChain = await step(onAnvil.Market);
            clock.SetUtcNow(await onAnvil.Time.GetTimeAsync(Cancel));
            return (onChain, await step(embedded.Market));
        }

        await StepAsync(m => m.InviteAsync(Operator, Company.Address, "Stamping Plant", AppMarketRole.Company, cancellationToken: Cancel));
        var authorized = await StepAsync(m => m.AuthorizeTechnicianAsync(Company, CompanyTechnician.Address, "Tess", Cancel));
        var revoked = await StepAsync(m => m.RevokeTechnicianAsync(Company, CompanyTechnician.Address, Cancel));

        IReadOnlyList<LedgerEvent> late = await onAnvil.Market.GetEventsAsync(authorized.OnAnvil.BlockNumber, revoked.OnAnvil.BlockNumber, Cancel);

        Assert.Null(await onAnvil.Market.GetTechnicianAsync(CompanyTechnician.Address, Cancel)); // what the latest state says
        Assert.Equal([AppMarketEvents.TechnicianAuthorized, AppMarketEvents.TechnicianRevoked], late.Select(e => e.Name));
        Assert.Equal(Contents(authorized.Embedded, revoked.Embedded), Contents(late));
        Assert.Equal(Contents(authorized.OnAnvil, revoked.OnAnvil), Contents(late)); // as the receipts gave them at once
    }

    [Fact]
    public async Task An_authorisation_older_than_the_nodes_state_window_takes_its_name_from_its_input_as_its_receipt_gave_it()
    {
        await using AppMarketUnderTest onAnvil = await AnvilMarketplaces.StartAsync(anvil, Options());
        await onAnvil.Market.InviteAsync(Operator, Company.Address, "Stamping Plant", AppMarketRole.Company, cancellationToken: Cancel);
        AppMarketReceipt authorized = await onAnvil.Market.AuthorizeTechnicianAsync(Company, CompanyTechnician.Address, "Tess", Cancel);
        await onAnvil.Market.RevokeTechnicianAsync(Company, CompanyTechnician.Address, Cancel);
        await onAnvil.Market.AuthorizeTechnicianAsync(Company, CompanyTechnician.Address, "Tess Again", Cancel); // the record now
        await anvil.MinePastTheStateWindowAsync(Cancel);

        IReadOnlyList<LedgerEvent> late = await onAnvil.Market.GetEventsAsync(authorized.BlockNumber, authorized.BlockNumber, Cancel);

        Assert.Equal([AppMarketEvents.TechnicianAuthorized], late.Select(e => e.Name));
        Assert.Equal(Contents(authorized), Contents(late));
    }

    private static string[] Contents(params AppMarketReceipt[] receipts) => Contents([.. receipts.SelectMany(r => r.Events)]);

    private static string[] Contents(IReadOnlyList<LedgerEvent> events) => [.. events.Select(e => $"{e.Chaincode} {e.Name} {e.PayloadJson}")];
}
