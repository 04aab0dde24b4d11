using ValueChain.Cryptography;

namespace ValueChain.Flexibility.Tests;

/// <summary>The offline verifier applies the payment contract's checks in the spec's order.</summary>
public sealed class EtrVerifierTests : IDisposable
{
    private const ulong ChainId = 31337;
    private static readonly Address Contract = Address.Parse("0xdFcae34cF1137a052635780086941910A8464716");
    private readonly EthereumSigner _fleetOperator = new(PrivateKey.FromBytes(Keccak256.Hash("fo"u8).ToArray()));
    private readonly SimulatedMeter _meter = new("SIM-1", PrivateKey.FromBytes(Keccak256.Hash("meter"u8).ToArray()), System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256));
    private readonly Whitelist _whitelist = new();
    private readonly EtrVerifier _verifier = new(ChainId, Contract);

    public EtrVerifierTests() => _whitelist.Meters.Add(_meter.Address);

    public void Dispose() => _meter.Dispose();

    private OfferTerms Offer => new(_fleetOperator.Address, new DateOnly(2026, 11, 26), 72, 4, OfferTerms.LocationHash("station-17"), FlexibilityDirection.Negative, 40_000);

    private EnergyTransferRecord Record(ulong nonce = 1) => new(_fleetOperator.Address, new DateOnly(2026, 11, 26), 72, OfferTerms.LocationHash("station-17"), FlexibilityDirection.Negative, 10_000, nonce, new DateTimeOffset(2026, 11, 26, 18, 15, 0, TimeSpan.Zero));

    private EtrVerification Verify(EnergyTransferRecord record, RecoverableSignature? signature = null, Address? caller = null) =>
        _verifier.VerifyAsync(caller ?? _fleetOperator.Address, Offer, record, signature ?? _meter.Sign(record, ChainId, Contract), _whitelist).GetAwaiter().GetResult();

    [Fact]
    public void A_valid_record_proves_its_energy_and_meter()
    {
        EtrVerification result = Verify(Record());

        Assert.True(result.IsValid);
        Assert.Equal((_meter.Address, 10_000UL), (result.Meter, result.EnergyWh));
    }

    [Fact]
    public void The_caller_is_checked_first()
    {
        EnergyTransferRecord record = Record() with { StartSlot = 1 };

        Assert.Equal(EtrRejection.NotFleetOperator, Verify(record, caller: _meter.Address).Rejection);
    }

    [Fact]
    public void A_forged_or_malformed_signature_is_refused()
    {
        RecoverableSignature genuine = _meter.Sign(Record(), ChainId, Contract);

        Assert.Equal(EtrRejection.InvalidSignature, Verify(Record(), genuine with { V = 5 }).Rejection);
        Assert.Equal(EtrRejection.InvalidSignature, Verify(Record(), genuine with { R = Hash32.Zero }).Rejection);
        // A signature of another record recovers another key, which no whitelist holds.
        Assert.Equal(EtrRejection.MeterNotWhitelisted, Verify(Record() with { EnergyWh = 99_000 }, genuine).Rejection);
    }

    [Fact]
    public void A_meter_that_is_not_or_no_longer_whitelisted_is_refused()
    {
        _whitelist.Meters.Clear();

        Assert.Equal(EtrRejection.MeterNotWhitelisted, Verify(Record()).Rejection);
    }

    [Fact]
    public void A_replayed_nonce_is_refused()
    {
        _whitelist.Used.Add((_meter.Address, new UInt256(1)));

        Assert.Equal(EtrRejection.NonceReplayed, Verify(Record(nonce: 1)).Rejection);
        Assert.True(Verify(Record(nonce: 2)).IsValid);
    }

    [Theory]
    [InlineData(EtrRejection.DeliveryDateMismatch)]
    [InlineData(EtrRejection.StartSlotMismatch)]
    [InlineData(EtrRejection.LocationMismatch)]
    [InlineData(EtrRejection.DirectionMismatch)]
    [InlineData(EtrRejection.FleetOperatorMismatch)]
    public void A_record_for_another_offer_is_refused_naming_the_field(EtrRejection expected)
    {
        EnergyTransferRecord record = expected switch
        {
            EtrRejection.DeliveryDateMismatch => Record() with { DeliveryDate = new DateOnly(2026, 11, 27) },
            EtrRejection.StartSlotMismatch => Record() with { StartSlot = 73 },
            EtrRejection.LocationMismatch => Record() with { Location = OfferTerms.LocationHash("station-18") },
            EtrRejection.DirectionMismatch => Record() with { Direction = FlexibilityDirection.Positive },
            _ => Record() with { FleetOperator = _meter.Address },
        };

        EtrVerification result = Verify(record);

        Assert.Equal(expected, result.Rejection);
        Assert.Equal(0UL, result.EnergyWh);
    }

    // ---- OCMF records (P-256, no recovery) ----

    private static readonly DateTimeOffset SlotStart = new(2026, 11, 26, 18, 0, 0, TimeSpan.Zero); // slot 72

    private Address OcmfMeter => MeterIds.ForP256(_meter.P256PublicKey);

    private void WhitelistOcmfMeter(string location = "station-17")
    {
        _whitelist.Meters.Add(OcmfMeter);
        _whitelist.Locations[OcmfMeter] = OfferTerms.LocationHash(location);
    }

    private EtrVerification VerifyOcmf(string text, Address? caller = null, OfferTerms? offer = null) =>
        EtrVerifier.VerifyOcmfAsync(caller ?? _fleetOperator.Address, offer ?? Offer, OcmfRecord.Parse(text), _meter.P256PublicKey, _whitelist).GetAwaiter().GetResult();

    [Fact]
    public void A_valid_ocmf_record_proves_its_energy_for_the_meters_id()
    {
        WhitelistOcmfMeter();

        // The simulated meter reads the import register (1.8.0), which evidences positive flexibility.
        string text = _meter.SignOcmf(9, SlotStart, 100m, SlotStart.AddMinutes(15), 110m);
        EtrVerification import = VerifyOcmf(text, offer: Offer with { Direction = FlexibilityDirection.Positive });

        Assert.True(import.IsValid, import.Rejection?.ToString());
        Assert.Equal((OcmfMeter, 10_000UL), (import.Meter, import.EnergyWh));
    }

    [Fact]
    public void Ocmf_checks_run_in_the_same_order_with_the_same_reasons()
    {
        string valid = _meter.SignOcmf(9, SlotStart, 100m, SlotStart.AddMinutes(15), 110m);
        OfferTerms positive = Offer with { Direction = FlexibilityDirection.Positive };

        Assert.Equal(EtrRejection.NotFleetOperator, VerifyOcmf(valid, caller: _meter.Address, offer: positive).Rejection);
        Assert.Equal(EtrRejection.InvalidSignature, VerifyOcmf(valid.Replace("\"RV\":110.000", "\"RV\":119.000", StringComparison.Ordinal), offer: positive).Rejection);
        Assert.Equal(EtrRejection.MeterNotWhitelisted, VerifyOcmf(valid, offer: positive).Rejection);
        WhitelistOcmfMeter();
        _whitelist.Used.Add((OcmfMeter, OcmfRecord.Parse(valid).Nonce));
        Assert.Equal(EtrRejection.NonceReplayed, VerifyOcmf(valid, offer: positive).Rejection);
        Assert.Equal(EtrRejection.DeliveryDateMismatch, VerifyOcmf(_meter.SignOcmf(10, SlotStart.AddDays(1), 1m, SlotStart.AddDays(1).AddMinutes(15), 2m), offer: positive).Rejection);
        Assert.Equal(EtrRejection.StartSlotMismatch, VerifyOcmf(_meter.SignOcmf(11, SlotStart.AddMinutes(15), 1m, SlotStart.AddMinutes(30), 2m), offer: positive).Rejection);
        Assert.Equal(EtrRejection.DirectionMismatch, VerifyOcmf(_meter.SignOcmf(12, SlotStart, 1m, SlotStart.AddMinutes(15), 2m)).Rejection);
        _whitelist.Locations[OcmfMeter] = OfferTerms.LocationHash("station-99");
        Assert.Equal(EtrRejection.LocationMismatch, VerifyOcmf(_meter.SignOcmf(13, SlotStart, 1m, SlotStart.AddMinutes(15), 2m), offer: positive).Rejection);
    }

    [Fact]
    public void A_record_in_another_time_zone_maps_to_the_utc_slot()
    {
        WhitelistOcmfMeter();
        DateTimeOffset local = SlotStart.ToOffset(TimeSpan.FromHours(1)); // 19:00+01:00 is 18:00 UTC, slot 72

        EtrVerification result = VerifyOcmf(_meter.SignOcmf(14, local, 5m, local.AddMinutes(15), 6m), offer: Offer with { Direction = FlexibilityDirection.Positive });

        Assert.True(result.IsValid, result.Rejection?.ToString());
    }

    private sealed class Whitelist : IMeterWhitelist
    {
        public HashSet<Address> Meters { get; } = [];

        public HashSet<(Address, UInt256)> Used { get; } = [];

        public Dictionary<Address, Hash32> Locations { get; } = [];

        public ValueTask<bool> IsWhitelistedAsync(Address meter) => ValueTask.FromResult(Meters.Contains(meter));

        public ValueTask<Hash32?> LocationOfAsync(Address meter) => ValueTask.FromResult<Hash32?>(Locations.TryGetValue(meter, out Hash32 location) ? location : null);

        public ValueTask<bool> IsNonceUsedAsync(Address meter, UInt256 nonce) => ValueTask.FromResult(Used.Contains((meter, nonce)));
    }
}
