namespace ValueChain.Flexibility.Tests;

public sealed class OfferCommitmentTests
{
    private static readonly OfferRequest Offer = new(new DateOnly(2026, 11, 25), 72, 4, OfferTerms.LocationHash("station-17"), FlexibilityDirection.Negative, 40_000, 1_000, 300);

    [Fact]
    public void The_commitment_is_keccak_of_the_abi_encoded_fields_and_salt()
    {
        Hash32 salt = Keccak256.Hash("salt"u8);
        byte[] Word(ulong value) => new UInt256(value).ToBigEndian();
        byte[] encoded = [
            .. Word(20782), .. Word(72), .. Word(4), .. Offer.Location.ToArray(), .. Word(1), .. Word(40_000),
            .. Word(1_000), .. Word(300), .. salt.ToArray()];

        Assert.Equal(20782, new DateOnly(2026, 11, 25).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber);
        Assert.Equal(Keccak256.Hash(encoded), Offer.Commit(salt));
    }

    [Fact]
    public void Every_field_and_the_salt_change_the_commitment()
    {
        Hash32 salt = Keccak256.Hash("salt"u8);
        Hash32 commitment = Offer.Commit(salt);
        OfferRequest[] changed =
        [
            Offer with { DeliveryDate = Offer.DeliveryDate.AddDays(1) }, Offer with { StartSlot = 73 }, Offer with { SlotCount = 5 },
            Offer with { Location = OfferTerms.LocationHash("x") }, Offer with { Direction = FlexibilityDirection.Positive },
            Offer with { EnergyWh = 40_001 }, Offer with { AskingPrice = 1_001 }, Offer with { Penalty = 301 },
        ];

        Assert.All(changed, other => Assert.NotEqual(commitment, other.Commit(salt)));
        Assert.NotEqual(commitment, Offer.Commit(Keccak256.Hash("pepper"u8)));
    }
}
