using CsCheck;
using ValueChain.Conformance.Flexibility;
using ValueChain.Cryptography;
using ValueChain.Ledger.InMemory;
using ValueChain.Testing;
using static ValueChain.Conformance.Flexibility.FlexibilityActors;

namespace ValueChain.Flexibility.Ethereum.Tests;

// Random sequences of valid and invalid market operations — token moves, whitelist changes, offers, bids,
// contract creation, payment requests with good and forged records, stage moves — applied to the embedded
// ledger and to the Solidity market on anvil, both starting at the same instant. After every operation the
// two must agree on the outcome (error code, recorded rejection, events: chaincode, name and payload JSON, with
// ledger times and ledger-specific addresses — escrow, platform — masked) and on everything the port can query:
// balances, supply, offers, payment contracts and their rejections.
public sealed class FlexibilityDifferentialTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    private static readonly EthereumSigner[] Cast = [Tso, Dso, FleetOperator, OtherFleetOperator, Stranger];

    private enum Kind { Mint, Transfer, Approve, TransferFrom, AddParticipant, RemoveParticipant, Offer, Bid, Create, Pay, Advance, Enforce }

    private sealed record Operation(Kind Kind, int By, int Other, int Amount, int Offer, int Variant);

    // Callers weighted towards the role that may act (fleet operator 2, TSO 0, DSO 1), the others still drawn.
    private static readonly Gen<int> AnyCaller = Gen.Int[0, 4];
    private static readonly Gen<int> MostlyFleetOperator = Gen.OneOfConst(2, 2, 2, 2, 2, 2, 0, 1, 3, 4);
    private static readonly Gen<int> MostlyGridOperator = Gen.OneOfConst(0, 0, 1, 1, 2, 3, 4);

    private static Gen<Operation> OperationsOf(params Kind[] kinds) => OperationsOf(AnyCaller, kinds);

    private static Gen<Operation> OperationsOf(Gen<int> callers, params Kind[] kinds) =>
        Gen.Select(Gen.OneOfConst(kinds), callers, Gen.Int[0, 4], Gen.Int[0, 3_000], Gen.Int[1, 2], Gen.Int[0, 5])
            .Select((kind, by, other, amount, offer, variant) => new Operation(kind, by, other, amount, offer, variant));

    private static Operation Stage(MarketStage stage) => new(Kind.Advance, 0, 0, 0, 1, (int)stage - 1);

    // A valid path through the round that every sequence contains, among its random operations.
    private static readonly Operation FleetOperatorOffers = new(Kind.Offer, 2, 0, 400, 1, 0);
    private static readonly Operation TsoBids = new(Kind.Bid, 0, 0, 2_500, 1, 0);
    private static readonly Operation FleetOperatorConfirms = new(Kind.Create, 2, 0, 0, 1, 0);
    private static readonly Operation FleetOperatorAsksPayment = new(Kind.Pay, 2, 0, 500, 1, 1);

    // A round in phases, so that offers, bids, contracts and payments happen often: any operation at first,
    // then mostly offers, bids, contract creations and payment requests in their stages, then anything again.
    private static readonly Gen<Operation[]> Sequences =
        Gen.Select(
            OperationsOf(Enum.GetValues<Kind>()).Array[0, 6],
            OperationsOf(MostlyFleetOperator, Kind.Offer, Kind.Offer, Kind.Offer, Kind.Bid, Kind.Transfer, Kind.Approve).Array[1, 5],
            OperationsOf(MostlyGridOperator, Kind.Bid, Kind.Bid, Kind.Bid, Kind.Create, Kind.Offer, Kind.Mint).Array[2, 8],
            OperationsOf(MostlyFleetOperator, Kind.Create, Kind.Create, Kind.Create, Kind.Pay, Kind.Bid).Array[1, 5],
            OperationsOf(MostlyFleetOperator, Kind.Pay, Kind.Pay, Kind.Pay, Kind.Enforce, Kind.RemoveParticipant, Kind.Transfer).Array[2, 10],
            OperationsOf(Enum.GetValues<Kind>()).Array[0, 6])
        .Select((any, offers, bids, creations, payments, rest) => (Operation[])
            [
                .. any, Stage(MarketStage.Offering), FleetOperatorOffers, .. offers, Stage(MarketStage.Bidding), .. bids, TsoBids,
                Stage(MarketStage.ContractCreation), .. creations, FleetOperatorConfirms, .. payments, FleetOperatorAsksPayment, .. rest,
            ]);

    private readonly System.Collections.Concurrent.ConcurrentBag<string> _outcomes = [];

    [Fact]
    public async Task The_embedded_ledger_and_anvil_agree_on_random_operation_sequences()
    {
        await Sequences.SampleAsync(async operations =>
        {
            await using FlexibilityUnderTest onAnvil = await AnvilMarkets.StartAsync(anvil, Options());
            DateTimeOffset start = await onAnvil.Time.GetTimeAsync(TestContext.Current.CancellationToken);
            InMemoryLedger ledger = InMemoryLedger.Open(
                new InMemoryLedgerOptions { Clock = new ManualLedgerClock(start), Membership = MembershipMode.Open, ProducerKey = PrivateKey.FromBytes(Keccak256.Hash("producer"u8).ToArray()) },
                [new FlexibilityChaincode(Options())]);
            await using var embedded = new FlexibilityUnderTest(new FlexibilityChaincodeAdapter(ledger), ledger, ledger);
            using var meter = new SimulatedMeter("DIFF-1", PrivateKey.FromBytes(Keccak256.Hash("diff meter"u8).ToArray()), System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256));
            FlexibilityUnderTest[] markets = [embedded, onAnvil];
            foreach (FlexibilityUnderTest market in markets)
            {
                await SetUpAsync(market.Market, meter);
            }

            int step = 0;
            foreach (Operation operation in operations)
            {
                string[] outcomes = new string[2];
                for (int i = 0; i < 2; i++)
                {
                    outcomes[i] = await ApplyAsync(markets[i], operation, meter);
                }

                Assert.True(outcomes[0] == outcomes[1], $"step {step} {operation}: embedded {outcomes[0]} vs anvil {outcomes[1]}");
                _outcomes.Add(outcomes[0]);
                Assert.Equal(await SnapshotAsync(embedded.Market), await SnapshotAsync(onAnvil.Market));
                step++;
            }
        }, iter: 10, threads: 1);

        // The sequences reached the market's interesting paths, valid and invalid.
        string seen = string.Join("\n", _outcomes.Distinct().Order(StringComparer.Ordinal));
        foreach (string expected in new[] { "ContractCreated", "PaymentMade", "PaymentRejected", "error " })
        {
            Assert.True(seen.Contains(expected, StringComparison.Ordinal), $"no outcome with {expected} among:\n{seen}");
        }
    }

    private static async Task SetUpAsync(IFlexibilityContract m, SimulatedMeter meter)
    {
        await m.AddParticipantAsync(Tso, Dso.Address, MarketRole.Dso, "DSO");
        await m.AddParticipantAsync(Tso, FleetOperator.Address, MarketRole.FleetOperator, "Fleet A");
        await m.AddParticipantAsync(Tso, OtherFleetOperator.Address, MarketRole.FleetOperator, "Fleet B");
        await m.AddMeterAsync(Tso, meter.Address);
        foreach (EthereumSigner trader in new[] { Tso, Dso, FleetOperator })
        {
            await m.MintAsync(Tso, trader.Address, 5_000);
            await m.ApproveAsync(trader, m.PlatformAddress, UInt256.MaxValue);
        }
    }

    // The outcome as text: the error code, or the recorded rejection and the event names.
    private static async Task<string> ApplyAsync(FlexibilityUnderTest market, Operation op, SimulatedMeter meter)
    {
        IFlexibilityContract m = market.Market;
        EthereumSigner by = Cast[op.By];
        Address other = Cast[op.Other].Address;
        try
        {
            FlexibilityReceipt? receipt = op.Kind switch
            {
                Kind.Mint => await m.MintAsync(by, other, (ulong)op.Amount),
                Kind.Transfer => await m.TransferAsync(by, other, (ulong)op.Amount),
                Kind.Approve => await m.ApproveAsync(by, op.Variant == 0 ? m.PlatformAddress : other, (ulong)op.Amount),
                Kind.TransferFrom => await m.TransferFromAsync(by, other, by.Address, (ulong)op.Amount),
                Kind.AddParticipant => await m.AddParticipantAsync(by, other, (MarketRole)(1 + op.Variant % 3), "P" + op.Variant),
                Kind.RemoveParticipant => await m.RemoveParticipantAsync(by, other),
                Kind.Offer => await m.MakeOfferAsync(by, await RequestAsync(market, op)),
                Kind.Bid => await m.BidAsync(by, op.Offer, (ulong)op.Amount),
                Kind.Create => await m.CreateContractAsync(by, op.Offer),
                Kind.Pay => await PayAsync(market, op, by, meter),
                Kind.Enforce => await m.EnforcePenaltyAsync(by, op.Offer),
                _ => null,
            };
            if (op.Kind == Kind.Advance)
            {
                await AdvanceAsync(market, op.Variant);
                return "advanced";
            }

            return $"ok {receipt!.Rejection?.Reason} [{string.Join(",", receipt.Events.Select(e => $"{e.Chaincode} {e.Name} {Comparable(e.PayloadJson)}"))}] offer {receipt.OfferId}";
        }
        catch (ChaincodeException e)
        {
            return "error " + e.Code;
        }
    }

    // A payload with what only one ledger can know masked: times (the two clocks differ by anvil's wall-clock seconds)
    // and addresses that are not the cast's (a payment contract's escrow, the platform), which each ledger derives its own way.
    private static string Comparable(string json)
    {
        string timeless = System.Text.RegularExpressions.Regex.Replace(json, "\"\\d{4}-\\d\\d-\\d\\dT[^\"]*\"", "\"(time)\"");
        return System.Text.RegularExpressions.Regex.Replace(timeless, "0x[0-9a-fA-F]{40}(?![0-9a-fA-F])", match =>
            Cast.Any(actor => string.Equals(actor.Address.ToString(), match.Value, StringComparison.OrdinalIgnoreCase)) || match.Value.Trim('0', 'x').Length == 0 ? match.Value : "(ledger address)");
    }

    private static async Task<OfferRequest> RequestAsync(FlexibilityUnderTest market, Operation op)
    {
        DateOnly tomorrow = DateOnly.FromDateTime((await market.Time.GetTimeAsync()).UtcDateTime).AddDays(1);
        return new OfferRequest(tomorrow, 60 + op.Variant, 4, OfferTerms.LocationHash("station-17"), (FlexibilityDirection)(op.Variant % 2), 1_000UL * (1 + (ulong)op.Variant), 100 + (ulong)op.Amount / 2, (ulong)op.Amount / 10);
    }

    // A record for the offer's own terms (variant 0–2), for another slot (3), signed by an unlisted key (4), or replaying nonce 1 (5).
    private static async Task<FlexibilityReceipt> PayAsync(FlexibilityUnderTest market, Operation op, EthereumSigner by, SimulatedMeter meter)
    {
        FlexibilityOffer? offer = await market.Market.GetOfferAsync(op.Offer);
        PaymentContract? contract = await market.Market.GetPaymentContractAsync(op.Offer);
        OfferTerms terms = offer?.Terms ?? new OfferTerms(FleetOperator.Address, new DateOnly(2030, 1, 1), 0, 1, Hash32.Zero, FlexibilityDirection.Positive, 1);
        Address escrow = contract?.Escrow ?? Address.Zero;
        var record = new EnergyTransferRecord(
            terms.FleetOperator, terms.DeliveryDate, terms.StartSlot + (op.Variant == 3 ? 1 : 0), terms.Location, terms.Direction,
            (ulong)op.Amount + 1, op.Variant == 5 ? 1UL : (ulong)op.Amount, new DateTimeOffset(terms.DeliveryDate.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero));
        using var rogue = new SimulatedMeter("ROGUE", PrivateKey.FromBytes(Keccak256.Hash("rogue"u8).ToArray()), System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256));
        RecoverableSignature signature = (op.Variant == 4 ? rogue : meter).Sign(record, AnvilNode.ChainId, escrow);
        return await market.Market.RequestPaymentAsync(by, op.Offer, record, signature);
    }

    // To the start (plus 10 s) of the next offering, bidding or contract-creation stage, or a day on (variant 3–5).
    private static async Task AdvanceAsync(FlexibilityUnderTest market, int variant)
    {
        DateTimeOffset now = await market.Time.GetTimeAsync();
        if (variant >= 3)
        {
            await market.Time.AdvanceAsync(TimeSpan.FromDays(1));
            return;
        }

        MarketPhase phase = MarketClock.Default.PhaseAt(now);
        DateTimeOffset target = MarketClock.Default.StageStart(phase.Round, (MarketStage)(variant + 1)) + TimeSpan.FromSeconds(10);
        if (target <= now)
        {
            target = MarketClock.Default.StageStart(phase.Round + 1, (MarketStage)(variant + 1)) + TimeSpan.FromSeconds(10);
        }

        await market.Time.AdvanceAsync(target - now);
    }

    // Everything the port can query that does not name a ledger-specific address.
    private static async Task<string> SnapshotAsync(IFlexibilityContract m)
    {
        var lines = new List<string> { $"supply {await m.TotalSupplyAsync()}" };
        foreach (EthereumSigner actor in Cast)
        {
            MarketParticipant? participant = await m.GetParticipantAsync(actor.Address);
            lines.Add($"{actor.Address}: {await m.BalanceOfAsync(actor.Address)} {participant?.Role} allowance {await m.AllowanceAsync(actor.Address, Dso.Address)}");
        }

        for (long id = 1; id <= 3; id++)
        {
            if (await m.GetOfferAsync(id) is not { } offer)
            {
                lines.Add($"offer {id}: none");
                continue;
            }

            lines.Add($"offer {id}: {offer.Status} {offer.Bids} {offer.BestPrice} {offer.BestBidder} {offer.Terms?.EnergyWh} {offer.AskingPrice} {offer.Penalty}");
            if (await m.GetPaymentContractAsync(id) is { } c)
            {
                lines.Add($"contract {id}: {c.Buyer} {c.Payment} {c.Penalty} {c.Paid} {c.PenaltyReleased} {c.DeliveredWh} {c.Deadline} {c.Settled} escrow {await m.BalanceOfAsync(c.Escrow)}");
                lines.Add($"rejections {id}: {string.Join(",", (await m.GetPaymentRejectionsAsync(id)).Select(r => $"{r.Reason}/{r.Caller}"))}");
            }
        }

        return string.Join("\n", lines);
    }
}
