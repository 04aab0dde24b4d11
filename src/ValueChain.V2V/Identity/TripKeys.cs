using System.Buffers.Binary;
using System.Text;
using ValueChain.Cryptography;

namespace ValueChain.V2V;

/// <summary>
/// A vehicle's per-trip keys, derived from its master secret, which never leaves the vehicle: trip n's key is
/// Keccak-256("ValueChain.V2V.Trip" ‖ secret ‖ n) (re-derived with a counter in the negligible case that it is no valid
/// key). Without the secret, two trip addresses cannot be linked.
/// </summary>
public sealed class TripKeys
{
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("ValueChain.V2V.Trip");
    private readonly byte[] _secret;

    /// <summary>Keeps <paramref name="masterSecret"/> (at least 32 bytes) for derivation.</summary>
    /// <exception cref="ArgumentException">The secret is shorter than 32 bytes.</exception>
    public TripKeys(ReadOnlySpan<byte> masterSecret)
    {
        if (masterSecret.Length < 32)
        {
            throw new ArgumentException("A vehicle's master secret has at least 32 bytes.", nameof(masterSecret));
        }

        _secret = masterSecret.ToArray();
    }

    /// <summary>The signer of trip <paramref name="trip"/>.</summary>
    public EthereumSigner ForTrip(uint trip)
    {
        for (uint attempt = 0; ; attempt++)
        {
            byte[] input = new byte[Domain.Length + _secret.Length + 8];
            Domain.CopyTo(input, 0);
            _secret.CopyTo(input, Domain.Length);
            BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(Domain.Length + _secret.Length), trip);
            BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(Domain.Length + _secret.Length + 4), attempt);
            try
            {
                return new EthereumSigner(PrivateKey.FromBytes(Keccak256.Hash(input).ToArray()));
            }
            catch (InvalidKeyException)
            {
                // Zero or at least the curve order: probability about 2^-128; take the next candidate.
            }
        }
    }
}
