namespace ValueChain.Ledger.Fabric;

/// <summary>
/// Signs Fabric messages for one identity: ECDSA over the SHA-256 of the message, DER-encoded, with a
/// low S as Fabric's MSP requires. Injected, so keys may live in an HSM or a vault.
/// </summary>
public interface IFabricSigner
{
    /// <summary>The DER-encoded ECDSA signature of SHA-256(<paramref name="message"/>), low-S.</summary>
    byte[] Sign(ReadOnlySpan<byte> message);
}
