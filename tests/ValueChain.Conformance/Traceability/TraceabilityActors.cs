using System.Text;
using ValueChain.Cryptography;
using ValueChain.Traceability;

namespace ValueChain.Conformance.Traceability;

/// <summary>The case study's cast, with fixed keys: one OEM (admin), three suppliers, one LSP, and outsiders.</summary>
public static class TraceabilityActors
{
    /// <summary>The OEM, a genesis admin.</summary>
    public static EthereumSigner Oem { get; } = Key("oem");

    /// <summary>The tier-1 supplier, a genesis admin.</summary>
    public static EthereumSigner Tier1 { get; } = Key("tier1");

    /// <summary>A tier-2 supplier.</summary>
    public static EthereumSigner Tier2a { get; } = Key("tier2a");

    /// <summary>Another tier-2 supplier.</summary>
    public static EthereumSigner Tier2b { get; } = Key("tier2b");

    /// <summary>The logistics provider.</summary>
    public static EthereumSigner Lsp { get; } = Key("lsp");

    /// <summary>A key that is no participant.</summary>
    public static EthereumSigner Stranger { get; } = Key("stranger");

    /// <summary>Where the case study happens.</summary>
    public static Location Plant { get; } = new(new GeoPoint(48_137_154, 11_576_124), "Plant Munich");

    /// <summary>All keys that sign in the suite (for ledgers that need members listed).</summary>
    public static IReadOnlyList<EthereumSigner> All { get; } = [Oem, Tier1, Tier2a, Tier2b, Lsp, Stranger];

    /// <summary>PartChain options with the case study's genesis participants.</summary>
    public static TraceabilityOptions Options(int invitationApprovals = 1)
    {
        var options = new TraceabilityOptions { InvitationApprovals = invitationApprovals, LateTolerance = TimeSpan.FromHours(12) };
        options.GenesisParticipants.Add(new Participant(Oem.Address, "OEM", ParticipantRole.Oem, true, DateTimeOffset.UnixEpoch, null));
        options.GenesisParticipants.Add(new Participant(Tier1.Address, "Tier-1 Supplier", ParticipantRole.Supplier, true, DateTimeOffset.UnixEpoch, null));
        options.GenesisParticipants.Add(new Participant(Tier2a.Address, "Tier-2 Supplier A", ParticipantRole.Supplier, false, DateTimeOffset.UnixEpoch, null));
        options.GenesisParticipants.Add(new Participant(Tier2b.Address, "Tier-2 Supplier B", ParticipantRole.Supplier, false, DateTimeOffset.UnixEpoch, null));
        options.GenesisParticipants.Add(new Participant(Lsp.Address, "Logistics", ParticipantRole.Lsp, false, DateTimeOffset.UnixEpoch, null));
        return options;
    }

    private static EthereumSigner Key(string name) => new(PrivateKey.FromBytes(Keccak256.Hash(Encoding.UTF8.GetBytes("partchain " + name)).ToArray()));
}
