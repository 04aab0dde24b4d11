using System.Text;
using ValueChain.Cryptography;

namespace ValueChain.V2V;

/// <summary>
/// A vehicle's verifiable statement to an authority that a set of trip addresses are its own: its enrolled key signs
/// the list, and each trip key signs the enrolled address, so that no vehicle can claim another's trips.
/// </summary>
/// <param name="Vehicle">The vehicle's enrolled address (known to the enrolment issuer).</param>
/// <param name="Trips">The disclosed trip addresses.</param>
/// <param name="VehicleSignature">The enrolled key's signature over <see cref="ListDigest"/>.</param>
/// <param name="TripSignatures">Each trip key's signature over <see cref="TripDigest"/>, in the order of <paramref name="Trips"/>.</param>
public sealed record TripDisclosure(Address Vehicle, IReadOnlyList<Address> Trips, RecoverableSignature VehicleSignature, IReadOnlyList<RecoverableSignature> TripSignatures)
{
    /// <summary>Signs a disclosure of <paramref name="trips"/> by the vehicle's enrolled key.</summary>
    public static async Task<TripDisclosure> CreateAsync(ISigner vehicle, IReadOnlyList<ISigner> trips, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vehicle);
        ArgumentNullException.ThrowIfNull(trips);
        Address[] addresses = [.. trips.Select(t => t.Address)];
        RecoverableSignature list = await vehicle.SignAsync(ListDigest(vehicle.Address, addresses), cancellationToken).ConfigureAwait(false);
        var signatures = new List<RecoverableSignature>(trips.Count);
        foreach (ISigner trip in trips)
        {
            signatures.Add(await trip.SignAsync(TripDigest(vehicle.Address, trip.Address), cancellationToken).ConfigureAwait(false));
        }

        return new TripDisclosure(vehicle.Address, addresses, list, signatures);
    }

    /// <summary>Whether the enrolled key signed the list and each trip key its link to the vehicle.</summary>
    public bool Verify() =>
        Trips.Count > 0 && Trips.Count == TripSignatures.Count
        && Secp256k1.TryRecoverAddress(ListDigest(Vehicle, Trips), VehicleSignature, RecoveryMode.Strict, out Address vehicle) && vehicle == Vehicle
        && Trips.Select((trip, i) => Secp256k1.TryRecoverAddress(TripDigest(Vehicle, trip), TripSignatures[i], RecoveryMode.Strict, out Address signer) && signer == trip).All(ok => ok);

    /// <summary>What the enrolled key signs: Keccak-256("ValueChain.V2V.Disclosure" ‖ vehicle ‖ trips).</summary>
    public static Hash32 ListDigest(Address vehicle, IReadOnlyList<Address> trips)
    {
        ArgumentNullException.ThrowIfNull(trips);
        var bytes = new List<byte>(Encoding.ASCII.GetBytes("ValueChain.V2V.Disclosure"));
        bytes.AddRange(vehicle.ToArray());
        foreach (Address trip in trips)
        {
            bytes.AddRange(trip.ToArray());
        }

        return Keccak256.Hash(bytes.ToArray());
    }

    /// <summary>What a trip key signs: Keccak-256("ValueChain.V2V.TripOf" ‖ vehicle ‖ trip).</summary>
    public static Hash32 TripDigest(Address vehicle, Address trip) =>
        Keccak256.Hash([.. Encoding.ASCII.GetBytes("ValueChain.V2V.TripOf"), .. vehicle.ToArray(), .. trip.ToArray()]);
}
