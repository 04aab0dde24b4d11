using System.Text.Json;

namespace ValueChain.Ledger.Fabric;

/// <summary>
/// A private data collection of a chaincode definition (Fabric's static collection configuration): the organisations
/// whose peers store its values, how many peers must hold a value before endorsement succeeds, and who may read and
/// write it. Every other peer of the channel holds only the hashes.
/// </summary>
/// <param name="Name">The collection's name, as the chaincode names it.</param>
/// <param name="MemberPolicy">The member organisations, an <c>OR</c> of principals such as <c>OR('Org1MSP.member', 'Org2MSP.member')</c>.</param>
/// <param name="RequiredPeerCount">Peers (besides the endorser) that must receive a value before the endorsement is returned.</param>
/// <param name="MaximumPeerCount">Peers the endorser sends a value to.</param>
/// <param name="BlockToLive">Blocks after which values are purged; 0 keeps them.</param>
/// <param name="MemberOnlyRead">Only clients of member organisations may read values.</param>
/// <param name="MemberOnlyWrite">Only clients of member organisations may write values.</param>
public sealed record FabricCollectionDefinition(
    string Name,
    EndorsementPolicy MemberPolicy,
    int RequiredPeerCount = 0,
    int MaximumPeerCount = 1,
    long BlockToLive = 0,
    bool MemberOnlyRead = true,
    bool MemberOnlyWrite = true)
{
    /// <summary>
    /// Reads Fabric's collection configuration file (<c>collections_config.json</c>, as <c>peer lifecycle chaincode
    /// approveformyorg --collections-config</c> takes it): an array of objects with <c>name</c>, <c>policy</c>,
    /// <c>requiredPeerCount</c>, <c>maxPeerCount</c>, <c>blockToLive</c>, <c>memberOnlyRead</c>, <c>memberOnlyWrite</c>.
    /// As in Fabric's file, an absent number is 0 and an absent flag is false.
    /// </summary>
    /// <exception cref="ValueChainFormatException">The text is not such an array, or an entry lacks a name or a policy, or has a field this driver does not support.</exception>
    public static IReadOnlyList<FabricCollectionDefinition> ParseConfig(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new ValueChainFormatException("collection configuration", json, "expected a JSON array of collections");
            }

            return [.. document.RootElement.EnumerateArray().Select(Read)];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            // A field of the wrong JSON kind (a count as a string) throws InvalidOperationException or FormatException.
            throw new ValueChainFormatException("collection configuration", json, e.Message);
        }
    }

    /// <summary>The collection as the chaincode definition carries it.</summary>
    internal Protos.CollectionConfig ToProto() => new()
    {
        StaticCollectionConfig = new Protos.StaticCollectionConfig
        {
            Name = Name,
            MemberOrgsPolicy = new Protos.CollectionPolicyConfig { SignaturePolicy = MemberPolicy.ToSignaturePolicyEnvelope() },
            RequiredPeerCount = RequiredPeerCount,
            MaximumPeerCount = MaximumPeerCount,
            BlockToLive = checked((ulong)BlockToLive),
            MemberOnlyRead = MemberOnlyRead,
            MemberOnlyWrite = MemberOnlyWrite,
        },
    };

    private static FabricCollectionDefinition Read(JsonElement entry)
    {
        string raw = entry.GetRawText();
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new ValueChainFormatException("collection", raw, "expected an object");
        }

        foreach (JsonProperty property in entry.EnumerateObject())
        {
            if (property.Name is not ("name" or "policy" or "requiredPeerCount" or "maxPeerCount" or "blockToLive" or "memberOnlyRead" or "memberOnlyWrite"))
            {
                // A collection-level endorsement policy, for one, would change who must endorse: refuse rather than ignore it.
                throw new ValueChainFormatException("collection", raw, $"the field '{property.Name}' is not supported");
            }
        }

        string name = entry.TryGetProperty("name", out JsonElement n) && n.GetString() is { Length: > 0 } text
            ? text
            : throw new ValueChainFormatException("collection", raw, "a collection needs a name");
        string policy = entry.TryGetProperty("policy", out JsonElement p) && p.GetString() is { Length: > 0 } rule
            ? rule
            : throw new ValueChainFormatException("collection", raw, "a collection needs a member policy ('policy')");
        return new FabricCollectionDefinition(
            name,
            EndorsementPolicy.Parse(policy),
            entry.TryGetProperty("requiredPeerCount", out JsonElement required) ? required.GetInt32() : 0,
            entry.TryGetProperty("maxPeerCount", out JsonElement maximum) ? maximum.GetInt32() : 0,
            entry.TryGetProperty("blockToLive", out JsonElement live) ? live.GetInt64() : 0,
            entry.TryGetProperty("memberOnlyRead", out JsonElement read) && read.GetBoolean(),
            entry.TryGetProperty("memberOnlyWrite", out JsonElement write) && write.GetBoolean());
    }
}
