using System.Text;
using ValueChain.Cryptography;

namespace ValueChain.V2V;

/// <summary>The enrolment issuer's signed statement that <paramref name="Trip"/> belongs to the enrolled <paramref name="Vehicle"/>.</summary>
/// <param name="Issuer">The issuer's address.</param>
/// <param name="Vehicle">The vehicle's enrolled address.</param>
/// <param name="Trip">The trip address.</param>
/// <param name="Signature">The issuer's signature over <see cref="Digest"/>.</param>
public sealed record IssuerDisclosure(Address Issuer, Address Vehicle, Address Trip, RecoverableSignature Signature)
{
    /// <summary>Whether <paramref name="expectedIssuer"/> (the deployment's issuer) signed it.</summary>
    public bool Verify(Address expectedIssuer) =>
        Issuer == expectedIssuer && Secp256k1.TryRecoverAddress(Digest(Vehicle, Trip), Signature, RecoveryMode.Strict, out Address signer) && signer == expectedIssuer;

    /// <summary>What the issuer signs: Keccak-256("ValueChain.V2V.IssuedTo" ‖ vehicle ‖ trip).</summary>
    public static Hash32 Digest(Address vehicle, Address trip) =>
        Keccak256.Hash([.. Encoding.ASCII.GetBytes("ValueChain.V2V.IssuedTo"), .. vehicle.ToArray(), .. trip.ToArray()]);
}
