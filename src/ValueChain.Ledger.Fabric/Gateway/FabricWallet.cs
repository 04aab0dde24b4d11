using System.Collections.Concurrent;

namespace ValueChain.Ledger.Fabric;

/// <summary>
/// The Fabric identities a <see cref="FabricContractGateway"/> may act as, by the address chaincodes
/// see for them (<see cref="CertificateAddress"/>): a submit signed by a ValueChain signer goes out
/// under the identity registered for the signer's address.
/// </summary>
public sealed class FabricWallet
{
    private readonly ConcurrentDictionary<Address, (FabricIdentity Identity, IFabricSigner Signer)> _entries = new();

    /// <summary>Adds (or replaces) <paramref name="identity"/> with its signer.</summary>
    public FabricWallet Add(FabricIdentity identity, IFabricSigner signer)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(signer);
        _entries[identity.Address] = (identity, signer);
        return this;
    }

    /// <summary>The identity registered for <paramref name="address"/>.</summary>
    public bool TryGet(Address address, out FabricIdentity identity, out IFabricSigner signer)
    {
        bool found = _entries.TryGetValue(address, out var entry);
        (identity, signer) = entry;
        return found;
    }

    /// <summary>The addresses registered.</summary>
    public IReadOnlyCollection<Address> Addresses => _entries.Keys.ToList();
}
