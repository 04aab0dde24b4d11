using ValueChain.Cryptography;

namespace ValueChain.V2V.Tests;

public sealed class IdentityTests
{
    private static readonly byte[] Secret = Keccak256.Hash("vehicle master secret"u8).ToArray();

    [Fact]
    public void Trip_keys_are_derived_again_from_the_secret_alone_and_differ_per_trip()
    {
        var keys = new TripKeys(Secret);

        Assert.Equal(keys.ForTrip(7).Address, new TripKeys(Secret).ForTrip(7).Address);
        Assert.Equal(100, Enumerable.Range(0, 100).Select(t => keys.ForTrip((uint)t).Address).Distinct().Count());
        Assert.NotEqual(keys.ForTrip(0).Address, new TripKeys(Keccak256.Hash("another"u8).ToArray()).ForTrip(0).Address);
        Assert.Throws<ArgumentException>(() => new TripKeys(new byte[31]));
    }

    [Fact]
    public async Task A_disclosure_verifies_only_with_the_enrolled_key_and_every_trip_key()
    {
        var keys = new TripKeys(Secret);
        EthereumSigner vehicle = new(PrivateKey.FromBytes(Keccak256.Hash("enrolled"u8).ToArray()));
        EthereumSigner[] trips = [keys.ForTrip(1), keys.ForTrip(2)];

        TripDisclosure disclosure = await TripDisclosure.CreateAsync(vehicle, trips, TestContext.Current.CancellationToken);
        TripDisclosure claimsAnother = disclosure with { Trips = [trips[0].Address, EmbeddedMap.TripB.Address] };
        TripDisclosure otherVehicle = disclosure with { Vehicle = EmbeddedMap.Police.Address };

        Assert.True(disclosure.Verify());
        Assert.False(claimsAnother.Verify());
        Assert.False(otherVehicle.Verify());
    }

    [Fact]
    public async Task The_issuer_certifies_one_valid_trip_per_vehicle_at_a_time_and_no_more_after_an_exclusion()
    {
        await using EmbeddedMap map = await EmbeddedMap.StartAsync();
        var issuer = new EnrolmentIssuer(map.Map, EmbeddedMap.Issuer);
        var keys = new TripKeys(Secret);
        Address vehicle = EmbeddedMap.Police.Address;
        DateTimeOffset from = EmbeddedMap.Start;

        await issuer.CertifyTripAsync(vehicle, keys.ForTrip(1).Address, from, from.AddHours(1));
        var overlap = await Assert.ThrowsAsync<ChaincodeException>(() => issuer.CertifyTripAsync(vehicle, keys.ForTrip(2).Address, from.AddMinutes(30), from.AddHours(2)));
        await issuer.CertifyTripAsync(vehicle, keys.ForTrip(2).Address, from.AddHours(1).AddSeconds(1), from.AddHours(2));
        await map.Map.ExcludeAsync(EmbeddedMap.Police, keys.ForTrip(2).Address);
        var excluded = await Assert.ThrowsAsync<ChaincodeException>(() => issuer.CertifyTripAsync(vehicle, keys.ForTrip(3).Address, from.AddHours(3), from.AddHours(4)));
        IssuerDisclosure disclosure = issuer.Disclose(keys.ForTrip(2).Address)!;

        Assert.Equal(ErrorCodes.Conflict, overlap.Code);
        Assert.Equal(V2VErrorCodes.PseudonymExcluded, excluded.Code);
        Assert.Null(await map.Map.GetCertificateAsync(keys.ForTrip(3).Address));
        Assert.Equal(vehicle, disclosure.Vehicle);
        Assert.True(disclosure.Verify(EmbeddedMap.Issuer.Address));
        Assert.False((disclosure with { Vehicle = EmbeddedMap.TripA.Address }).Verify(EmbeddedMap.Issuer.Address));
        Assert.Null(issuer.Disclose(EmbeddedMap.TripA.Address));
    }
}
