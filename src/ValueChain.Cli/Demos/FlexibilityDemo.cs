using System.Security.Cryptography;
using System.Text;
using Spectre.Console;
using ValueChain.Cli.Demos.Ledgers;
using ValueChain.Ledger;
using ValueChain.Cryptography;
using ValueChain.Flexibility;

namespace ValueChain.Cli.Demos;

/// <summary>
/// One market round: two offers, bids, contract creation, two partial payments from two EVs' signed
/// records, a replayed record rejected, and the penalty enforced for an offer that was not delivered.
/// </summary>
internal sealed class FlexibilityDemo : IDemo
{
    public string Name => "flexibility";

    public string Description => "EV flexibility market: a round of offers and bids, payments only against meter-signed records, a replay refused, a penalty enforced";

    public bool RunsOnAnyLedger => true;

    public async Task RunAsync(IAnsiConsole console, DemoLedgerChoice ledgers, CancellationToken cancellationToken)
    {
        EthereumSigner tso = Key("TSO"), dso = Key("DSO"), fleet = Key("Fleet operator");
        using SimulatedMeter meterA = Meter("METER-A"), meterB = Meter("METER-B");
        var options = new FlexibilityOptions();
        options.Verifiers.Add(new MarketParticipant(tso.Address, MarketRole.Verifier, "TSO"));
        await using DemoLedger ledger = await ledgers.OpenAsync(cancellationToken);
        await ledger.AddActorsAsync([tso, dso, fleet], cancellationToken);
        // A round starts at 16:00 (the embedded ledger's clock starts there; a node's is moved there).
        (IFlexibilityContract market, ILedgerTimeControl clock) = await ledger.FlexibilityAsync(options, new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero), cancellationToken);
        FlexibilityClient Tso = new(market, tso), Dso = new(market, dso), Fleet = new(market, fleet);
        DateTimeOffset now = await clock.GetTimeAsync(cancellationToken);

        await market.AddParticipantAsync(tso, dso.Address, MarketRole.Dso, "DSO", cancellationToken);
        await market.AddParticipantAsync(tso, fleet.Address, MarketRole.FleetOperator, "Fleet operator", cancellationToken);
        await market.AddMeterAsync(tso, meterA.Address, cancellationToken);
        await market.AddMeterAsync(tso, meterB.Address, cancellationToken);
        foreach (FlexibilityClient trader in new[] { Tso, Dso, Fleet })
        {
            await market.MintAsync(tso, trader.Address, 5_000, cancellationToken);
            await trader.ApprovePlatformAsync(cancellationToken);
        }

        var steps = new Table().Title($"One market round on the {Markup.Escape(ledger.Name)}").AddColumns("Ledger time", "Who", "What", "Result");
        void Row(string who, string what, string result) => steps.AddRow(now.ToString("MM-dd HH:mm"), who, Markup.Escape(what), result);
        async Task MoveToAsync(DateTimeOffset time)
        {
            await clock.AdvanceAsync(time - now, cancellationToken);
            now = time;
        }

        DateOnly tomorrow = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        Hash32 station = OfferTerms.LocationHash("charging-park-7");

        // Offering stage (16:00–16:05).
        var evening = new OfferRequest(tomorrow, 72, 4, station, FlexibilityDirection.Negative, 20_000, 800, 200);
        var night = new OfferRequest(tomorrow, 88, 2, station, FlexibilityDirection.Negative, 10_000, 400, 100);
        long offer1 = (await Fleet.OfferAsync(evening, cancellationToken)).OfferId!.Value;
        long offer2 = (await Fleet.OfferAsync(night, cancellationToken)).OfferId!.Value;
        Row("Fleet operator", $"offers 20 kWh less charging at 18:00–19:00 tomorrow (ask 800, penalty 200) and 10 kWh at 22:00–22:30 (ask 400, penalty 100)", $"[green]offers {offer1} and {offer2}[/]");

        // Bidding stage (16:05–16:10).
        await MoveToAsync(now.AddMinutes(5));
        await Dso.BidAsync(offer1, 900, cancellationToken);
        await Tso.BidAsync(offer1, 1_000, cancellationToken);
        await Dso.BidAsync(offer2, 450, cancellationToken);
        Row("DSO, TSO", "bid 900 and 1000 on the evening offer; the DSO bids 450 on the night offer", "[green]highest bid wins[/]");

        // Contract creation stage (16:10–16:15).
        await MoveToAsync(now.AddMinutes(5));
        await Fleet.CreateContractAsync(offer1, cancellationToken);
        await Fleet.CreateContractAsync(offer2, cancellationToken);
        PaymentContract evening1 = (await market.GetPaymentContractAsync(offer1, cancellationToken))!;
        PaymentContract night2 = (await market.GetPaymentContractAsync(offer2, cancellationToken))!;
        Row("Fleet operator", "confirms both results", $"[green]escrow {await market.BalanceOfAsync(evening1.Escrow, cancellationToken)} and {await market.BalanceOfAsync(night2.Escrow, cancellationToken)}[/] (bid + penalty)");

        // Delivery tomorrow evening: two EVs at the park deliver 12 and 8 kWh, each metered and signed.
        await MoveToAsync(new DateTimeOffset(tomorrow.ToDateTime(new TimeOnly(19, 5)), TimeSpan.Zero));
        EnergyTransferRecord Record(ulong wh) => new(fleet.Address, tomorrow, 72, station, FlexibilityDirection.Negative, wh, 1, new DateTimeOffset(tomorrow.ToDateTime(new TimeOnly(19, 0)), TimeSpan.Zero));
        EnergyTransferRecord ev1 = Record(12_000), ev2 = Record(8_000);
        RecoverableSignature ev1Signature = meterA.Sign(ev1, options.ChainId, evening1.Escrow);
        await Fleet.RequestPaymentAsync(offer1, ev1, ev1Signature, cancellationToken);
        Row("Fleet operator", "requests payment: EV 1, 12 kWh, signed by meter A", $"[green]paid {(await market.GetPaymentContractAsync(offer1, cancellationToken))!.Paid}[/] (60 % of the bid, 60 % of the penalty back)");
        await Fleet.RequestPaymentAsync(offer1, ev2, meterB.Sign(ev2, options.ChainId, evening1.Escrow), cancellationToken);
        Row("Fleet operator", "requests payment: EV 2, 8 kWh, signed by meter B", $"[green]paid {(await market.GetPaymentContractAsync(offer1, cancellationToken))!.Paid} in all[/]");
        FlexibilityReceipt replay = await Fleet.RequestPaymentAsync(offer1, ev1, ev1Signature, cancellationToken);
        Row("Fleet operator", "sends EV 1's record again", replay.Rejection is { } r ? $"[red]rejected: {r.Reason}[/] (recorded, nothing paid)" : "[red]PAID TWICE[/]");

        // The night offer was never delivered: after its deadline the DSO takes payment and penalty.
        await MoveToAsync(night2.Deadline);
        await Dso.EnforcePenaltyAsync(offer2, cancellationToken);
        Row("DSO", "enforces the penalty of the undelivered night offer", $"[green]takes back {night2.Payment} + {night2.Penalty}[/]");
        console.Write(steps);

        var balances = new Table().Title("Token balances").AddColumns("Participant", "Start", "End");
        foreach ((string name, FlexibilityClient client) in new[] { ("TSO", Tso), ("DSO", Dso), ("Fleet operator", Fleet) })
        {
            balances.AddRow(name, "5000", (await client.BalanceAsync(cancellationToken)).ToString());
        }

        balances.AddRow("Ledger checked", "", await ledger.CheckAsync(cancellationToken));
        console.Write(balances);
    }

    private static EthereumSigner Key(string name) => new(PrivateKey.FromBytes(Keccak256.Hash(Encoding.UTF8.GetBytes("flex demo " + name)).ToArray()));

    private static SimulatedMeter Meter(string serial) =>
        new(serial, PrivateKey.FromBytes(Keccak256.Hash(Encoding.UTF8.GetBytes("flex demo " + serial)).ToArray()), ECDsa.Create(ECCurve.NamedCurves.nistP256));
}
