using System.Numerics;
using CsCheck;
using ValueChain.Cryptography;
using ValueChain.Flexibility.Ethereum.Tests.Contracts;
using ValueChain.Testing;
using static ValueChain.Flexibility.Ethereum.Tests.Contracts.EtrVerificationProbe;

namespace ValueChain.Flexibility.Ethereum.Tests;

// The Solidity ETR checks (contracts/src/flexibility/EnergyTransferRecords.sol) against the SDK's
// EtrVerifier, record by record: valid records, each field that can mismatch, an unlisted meter, a used
// nonce, a caller who is not the fleet operator, high-s and malformed signatures. The two must agree
// on the first failed check, the meter and the energy paid for.
public sealed class EtrVerificationDifferentialTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private static readonly BigInteger CurveOrder = BigInteger.Parse("115792089237316195423570985008687907852837564279074904382605163141518161494337", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly PrivateKey[] Meters = [PrivateKey.Generate(), PrivateKey.Generate(), PrivateKey.Generate()]; // the third is not whitelisted
    private static readonly UInt256 UsedNonce = 7;
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_contract_and_the_sdk_agree_on_every_record()
    {
        EthereumClient fleetOperator = await AnvilClients.FundedClientAsync(anvil, _http);
        EthereumClient stranger = await AnvilClients.FundedClientAsync(anvil, _http);
        byte[] bytecode = AnvilClients.Bytecode(nameof(EtrVerificationProbe));
        EtrVerificationProbe probe = await EtrVerificationProbe.DeployAsync(fleetOperator, bytecode, Cancel);
        await probe.SetWhitelistedAsync(Meters[0].Address, true, Cancel);
        await probe.SetWhitelistedAsync(Meters[1].Address, true, Cancel);
        await probe.SetNonceUsedAsync(Meters[0].Address, UsedNonce, Cancel);
        var verifier = new EtrVerifier(AnvilNode.ChainId, probe.Address);
        var whitelist = new ProbeWhitelist([Meters[0].Address, Meters[1].Address], (Meters[0].Address, UsedNonce));
        var outcomes = new HashSet<EtrRejection?>();
        async Task<bool> AgreeAsync(Case sample)
        {
            (OfferTerms offer, EnergyTransferRecord record, RecoverableSignature signature, bool byFleetOperator) = sample.Build(fleetOperator.Account!.Value, probe.Address);
            EthereumClient caller = byFleetOperator ? fleetOperator : stranger;
            EtrVerification expected = await verifier.VerifyAsync(caller.Account!.Value, offer, record, signature, whitelist);
            VerifyOutput actual = await new EtrVerificationProbe(caller, probe.Address).VerifyAsync(
                ToTerms(offer), ToRecord(record), signature.V, signature.R, signature.S, Cancel);
            outcomes.Add(expected.Rejection);
            return actual.Rejection == (byte)(expected.Rejection ?? 0) && actual.Meter == expected.Meter && actual.EnergyWh == expected.EnergyWh;
        }

        // One case per outcome first, so that every check is compared whatever the random cases hold.
        foreach (Case each in OnePerOutcome)
        {
            Assert.True(await AgreeAsync(each), $"the contract and the SDK disagree on {each}");
        }

        await Cases.SampleAsync(AgreeAsync, iter: 300, threads: 1);

        // Every outcome the EIP-712 path can produce was met, so the agreement covers each check.
        Assert.Superset(
            new HashSet<EtrRejection?> { null, EtrRejection.NotFleetOperator, EtrRejection.InvalidSignature, EtrRejection.MeterNotWhitelisted, EtrRejection.NonceReplayed,
                EtrRejection.DeliveryDateMismatch, EtrRejection.StartSlotMismatch, EtrRejection.LocationMismatch, EtrRejection.DirectionMismatch, EtrRejection.FleetOperatorMismatch },
            outcomes);
    }

    [Fact]
    public async Task The_contract_computes_the_sdks_digest()
    {
        EthereumClient client = await AnvilClients.FundedClientAsync(anvil, _http);
        byte[] bytecode = AnvilClients.Bytecode(nameof(EtrVerificationProbe));
        EtrVerificationProbe probe = await EtrVerificationProbe.DeployAsync(client, bytecode, Cancel);
        var record = new EnergyTransferRecord(client.Account!.Value, new DateOnly(2026, 11, 25), 37, OfferTerms.LocationHash("DE-BW-Karlsruhe-17"), FlexibilityDirection.Negative, 11_000, UInt256.MaxValue, DateTimeOffset.FromUnixTimeSeconds(1_795_000_000));

        Assert.Equal(record.Digest(AnvilNode.ChainId, probe.Address), await probe.DigestAsync(ToRecord(record), Cancel));
    }

    // Weighted so that valid records are common (about one in five) while every failure, and several
    // mismatches at once (which show the order of the checks), still come up often.
    private static readonly Gen<Case> Cases =
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, 19], Gen.Int[0, 63], Gen.Int[0, 3], Gen.Int[0, 9])
            .Select(Gen.Select(Gen.UInt[19_000, 22_000], Gen.Int[0, 95], Gen.ULong[1, 10_000_000], Gen.Int[1, 1_000_000]),
                (choice, values) => new Case(
                    ByFleetOperator: choice.Item1 > 0,
                    Meter: choice.Item2 < 9 ? 0 : choice.Item2 < 18 ? 1 : 2,
                    Mismatches: choice.Item3 < 32 ? 0 : choice.Item3 - 32,
                    ReusedNonce: choice.Item4 == 0,
                    SignatureChange: choice.Item5 < 6 ? 0 : choice.Item5 - 5,
                    values.Item1, values.Item2, values.Item3, values.Item4));

    private static readonly Case[] OnePerOutcome =
    [
        new(true, 0, 0, false, 0, 20_000, 36, 10_000, 1), // valid
        new(false, 0, 0, false, 0, 20_000, 36, 10_000, 2), // not the fleet operator
        new(true, 0, 0, false, 2, 20_000, 36, 10_000, 3), // invalid signature
        new(true, 2, 0, false, 0, 20_000, 36, 10_000, 4), // meter not whitelisted
        new(true, 0, 0, true, 0, 20_000, 36, 10_000, 5), // nonce replayed
        new(true, 1, 1, false, 0, 20_000, 36, 10_000, 6), // delivery date
        new(true, 1, 2, false, 0, 20_000, 36, 10_000, 7), // start slot
        new(true, 1, 4, false, 0, 20_000, 36, 10_000, 8), // location
        new(true, 1, 8, false, 0, 20_000, 36, 10_000, 9), // direction
        new(true, 1, 16, false, 0, 20_000, 36, 10_000, 10), // fleet operator
    ];

    private static EtrVerificationProbe.Terms ToTerms(OfferTerms offer) =>
        new(offer.FleetOperator, DaysSinceEpoch(offer.DeliveryDate), (ushort)offer.StartSlot, offer.Location, (byte)offer.Direction, offer.EnergyWh);

    private static EtrVerificationProbe.Record ToRecord(EnergyTransferRecord record) =>
        new(record.FleetOperator, DaysSinceEpoch(record.DeliveryDate), (ushort)record.StartSlot, record.Location, (byte)record.Direction, record.EnergyWh, record.Nonce, (ulong)record.ReadingTime.ToUnixTimeSeconds());

    private static uint DaysSinceEpoch(DateOnly date) => (uint)(date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber);

    // One record to check. Mismatches, a bit mask: 1 date, 2 slot, 4 location, 8 direction, 16 fleet operator.
    // Signature: 0 as signed, 1 high s (same signer under the precompile's rules), 2 v = 29, 3 r = 0, 4 s = n.
    private sealed record Case(bool ByFleetOperator, int Meter, int Mismatches, bool ReusedNonce, int SignatureChange, uint Day, int Slot, ulong Energy, int Location)
    {
        public (OfferTerms, EnergyTransferRecord, RecoverableSignature, bool) Build(Address fleetOperator, Address verifyingContract)
        {
            var date = DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + (int)Day);
            Hash32 location = OfferTerms.LocationHash($"grid-segment-{Location}");
            var offer = new OfferTerms(fleetOperator, date, Slot, 4, location, FlexibilityDirection.Positive, Energy);
            var record = new EnergyTransferRecord(fleetOperator, date, Slot, location, FlexibilityDirection.Positive, Energy / 2, ReusedNonce ? UsedNonce : (UInt256)(ulong)(8 + Location), DateTimeOffset.FromUnixTimeSeconds(1_790_000_000 + Slot));
            record = record with
            {
                DeliveryDate = (Mismatches & 1) != 0 ? date.AddDays(1) : date,
                StartSlot = (Mismatches & 2) != 0 ? (Slot + 1) % 96 : Slot,
                Location = (Mismatches & 4) != 0 ? OfferTerms.LocationHash($"grid-segment-{Location + 1}") : location,
                Direction = (Mismatches & 8) != 0 ? FlexibilityDirection.Negative : FlexibilityDirection.Positive,
                FleetOperator = (Mismatches & 16) != 0 ? PrivateKey.Generate().Address : fleetOperator,
            };
            return (offer, record, Signed(record, Meters[Meter], verifyingContract), ByFleetOperator);
        }

        private RecoverableSignature Signed(EnergyTransferRecord record, PrivateKey meter, Address verifyingContract)
        {
            RecoverableSignature signature = Secp256k1.Sign(meter, record.Digest(AnvilNode.ChainId, verifyingContract));
            var s = new BigInteger(signature.S.ToArray(), isUnsigned: true, isBigEndian: true);
            return SignatureChange switch
            {
                1 => signature with { S = Word(CurveOrder - s), V = (byte)(signature.V == 27 ? 28 : 27) },
                2 => signature with { V = 29 },
                3 => signature with { R = Hash32.Zero },
                4 => signature with { S = Word(CurveOrder) },
                _ => signature,
            };
        }

        private static Hash32 Word(BigInteger value) => new(new UInt256(value).ToBigEndian());
    }

    private sealed class ProbeWhitelist(Address[] listed, (Address Meter, UInt256 Nonce) used) : IMeterWhitelist
    {
        public ValueTask<bool> IsWhitelistedAsync(Address meter) => new(listed.Contains(meter));

        public ValueTask<Hash32?> LocationOfAsync(Address meter) => new((Hash32?)null);

        public ValueTask<bool> IsNonceUsedAsync(Address meter, UInt256 nonce) => new(meter == used.Meter && nonce == used.Nonce);
    }
}
