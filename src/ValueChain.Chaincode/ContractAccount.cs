using System.Text;

namespace ValueChain.Chaincode;

/// <summary>
/// Addresses of accounts a chaincode holds itself (an escrow, a platform): the last 20 bytes of the
/// Keccak-256 hash of a name, as Ethereum derives an address from a key, so that no private key is
/// known for them and only the chaincode's own rules can move what they hold.
/// </summary>
public static class ContractAccount
{
    /// <summary>The address derived from <paramref name="name"/> (for example "ValueChain.Procurement.Escrow").</summary>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public static Address Derive(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(Encoding.UTF8.GetBytes(name), hash);
        return new Address(hash[12..]);
    }
}
