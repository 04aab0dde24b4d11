using CsCheck;
using ValueChain.Conformance.Flexibility;
using ValueChain.Cryptography;
using ValueChain.Testing;
using static ValueChain.Conformance.Flexibility.FlexibilityActors;

namespace ValueChain.Flexibility.Ethereum.Tests;

// OCMF records as meters write them — local times with UTC offsets from −12:00 to +14:00, import and export
// registers in several spellings, readings that rise, stay or fall, pagination counters that repeat — checked
// offline by EtrVerifier.VerifyOcmfAsync and on chain by FlexPayment.requestOcmfPayment (OcmfPayloads and
// OpenZeppelin's P256): both must name the same first failed check, or both pay.
public sealed class OcmfVerificationDifferentialTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    private static readonly string[] Registers = ["1-b:1.8.0", "1-b:2.8.0", "01-0:1.8.0", "1-0:02.8.0", "1-b:3.8.0"];

    private sealed record Case(int SlotShift, int OffsetQuarterHours, int Register, int BeginWh, int DeltaWh, int Counter, bool OtherKey);

    private static readonly Gen<Case> Cases =
        // Mostly the offer's slot and an import register, so that many records pay and later ones replay their counters.
        Gen.Select(Gen.OneOfConst(0, 0, 0, -1, 1), Gen.Int[-48, 56], Gen.OneOfConst(0, 0, 2, 2, 1, 3, 4), Gen.Int[0, 99_999], Gen.Int[-500, 40_000], Gen.Int[1, 6], Gen.Int[0, 9])
            .Select((slot, offset, register, begin, delta, counter, other) => new Case(slot, offset, register, begin, delta, counter, other == 0));

    [Fact]
    public async Task Offline_verification_and_the_contract_agree_on_generated_ocmf_records()
    {
        int paid = 0, refused = 0;
        await Cases.Array[12].SampleAsync(async cases =>
        {
            await using FlexibilityUnderTest market = await AnvilMarkets.StartAsync(anvil, Options());
            IFlexibilityContract m = market.Market;
            using var meter = new SimulatedMeter("OCMF-1", PrivateKey.FromBytes(Keccak256.Hash("ocmf meter"u8).ToArray()), System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256));
            using var other = new SimulatedMeter("OCMF-2");
            (long offerId, OfferTerms terms) = await ContractedAsync(market, meter);
            var offline = new Whitelist(MeterIds.ForP256(meter.P256PublicKey), terms.Location);
            DateTimeOffset slotStart = new(terms.DeliveryDate.ToDateTime(TimeOnly.MinValue).AddMinutes(15 * terms.StartSlot), TimeSpan.Zero);
            foreach (Case c in cases)
            {
                TimeSpan offset = TimeSpan.FromMinutes(15 * c.OffsetQuarterHours);
                DateTimeOffset begin = slotStart.AddMinutes(15 * c.SlotShift + 3).ToOffset(offset);
                SimulatedMeter signer = c.OtherKey ? other : meter;
                string record = signer.SignOcmf((ulong)c.Counter, begin, c.BeginWh / 1000m, begin.AddMinutes(10), (c.BeginWh + c.DeltaWh) / 1000m, Registers[c.Register]);

                EtrVerification expected = await EtrVerifier.VerifyOcmfAsync(FleetOperator.Address, terms, OcmfRecord.Parse(record), meter.P256PublicKey, offline);
                FlexibilityReceipt actual = await m.RequestOcmfPaymentAsync(FleetOperator, offerId, record, meter.P256PublicKey);

                Assert.True(expected.Rejection == actual.Rejection?.Reason, $"{c}: offline {expected.Rejection?.ToString() ?? "pays"}, contract {actual.Rejection?.Reason.ToString() ?? "pays"}\n{record}");
                if (expected.IsValid)
                {
                    offline.Used.Add(OcmfRecord.Parse(record).Nonce);
                    paid++;
                }
                else
                {
                    refused++;
                }
            }
        }, iter: 4, threads: 1);

        Assert.True(paid >= 4 && refused >= 4, $"paid {paid}, refused {refused}: the generator must reach both");
    }

    // A positive-flexibility offer of 40 kWh for tomorrow 18:00, bought by the TSO, and the meter whitelisted by its P-256 key at the offer's location.
    private static async Task<(long OfferId, OfferTerms Terms)> ContractedAsync(FlexibilityUnderTest market, SimulatedMeter meter)
    {
        IFlexibilityContract m = market.Market;
        await m.AddParticipantAsync(Tso, FleetOperator.Address, MarketRole.FleetOperator, "Fleet");
        foreach (EthereumSigner trader in new[] { Tso, FleetOperator })
        {
            await m.MintAsync(Tso, trader.Address, 1_000_000);
            await m.ApproveAsync(trader, m.PlatformAddress, UInt256.MaxValue);
        }

        Hash32 station = OfferTerms.LocationHash("station-ocmf");
        await m.AddP256MeterAsync(Tso, meter.P256PublicKey, station);
        DateOnly tomorrow = DateOnly.FromDateTime((await market.Time.GetTimeAsync()).UtcDateTime).AddDays(1);
        long offerId = (await m.MakeOfferAsync(FleetOperator, new OfferRequest(tomorrow, 72, 4, station, FlexibilityDirection.Positive, 40_000_000, 100_000, 1_000))).OfferId!.Value;
        await AdvanceAsync(market, MarketStage.Bidding);
        await m.BidAsync(Tso, offerId, 100_000);
        await AdvanceAsync(market, MarketStage.ContractCreation);
        await m.CreateContractAsync(FleetOperator, offerId);
        return (offerId, (await m.GetOfferAsync(offerId))!.Terms!);
    }

    private static async Task AdvanceAsync(FlexibilityUnderTest market, MarketStage stage)
    {
        DateTimeOffset now = await market.Time.GetTimeAsync();
        MarketPhase phase = MarketClock.Default.PhaseAt(now);
        await market.Time.AdvanceAsync(MarketClock.Default.StageStart(phase.Round, stage) + TimeSpan.FromSeconds(5) - now);
    }

    private sealed class Whitelist(Address meter, Hash32 location) : IMeterWhitelist
    {
        public HashSet<UInt256> Used { get; } = [];

        public ValueTask<bool> IsWhitelistedAsync(Address candidate) => ValueTask.FromResult(candidate == meter);

        public ValueTask<Hash32?> LocationOfAsync(Address candidate) => ValueTask.FromResult<Hash32?>(candidate == meter ? location : null);

        public ValueTask<bool> IsNonceUsedAsync(Address candidate, UInt256 nonce) => ValueTask.FromResult(candidate == meter && Used.Contains(nonce));
    }
}
