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
        _verifier.Verify(caller ?? _fleetOperator.Address, Offer, record, signature ?? _meter.Sign(record, ChainId, Contract), _whitelist);

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

    private sealed class Whitelist : IMeterWhitelist
    {
        public HashSet<Address> Meters { get; } = [];

        public HashSet<(Address, UInt256)> Used { get; } = [];

        public bool IsWhitelisted(Address meter) => Meters.Contains(meter);

        public bool IsNonceUsed(Address meter, UInt256 nonce) => Used.Contains((meter, nonce));
    }
}
