using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ValueChain.Ledger.Fabric.Testing;
using ValueChain.Ledger.Fabric.Tests.PrivateData;

namespace ValueChain.Ledger.Fabric.Tests.Live;

/// <summary>
/// Private data on the two-organisation network: every definition the tests deploy declares the collections of the
/// description's <c>collections</c> file (tools/fabric/two-org-network.sh writes it), among them <c>org1Only</c>, whose
/// members are Org1MSP alone. A value written there is stored by Org1's peer; Org2's peer, asked directly, holds
/// only its hash. Skipped without that network.
/// </summary>
[Collection(LiveFabricGroup.Name)]
public sealed class PrivateDataOnFabricTests(LiveFabric fabric)
{
    private const string Org1Only = "org1Only";

    [Fact]
    public async Task Org2s_peer_holds_only_the_hash_of_a_collection_of_Org1_while_Org1s_peer_holds_the_value()
    {
        LiveFabricNetwork network = fabric.RequireTwoOrganisations();
        Assert.True(network.Settings.Collections.Any(c => c.Name == Org1Only), $"the network description's collections must include '{Org1Only}' (two-org-network.sh writes it)");
        LiveFabricPeer org1 = network.Settings.Peers.First(p => p.MspId == "Org1MSP");
        LiveFabricPeer org2 = network.Settings.Peers.First(p => p.MspId == "Org2MSP");
        await using FabricClient client = network.NewClient();
        await using FabricClient atOrg1 = network.NewClient(useDiscovery: false, [org1.Endpoint]);
        await using FabricClient atOrg2 = network.NewClient(useDiscovery: false, [org2.Endpoint]);
        string name = await network.DeployAsync(client, new PrivateNotesChaincode());
        const string Secret = "price 41.90 EUR per unit, 30 days net";
        string note = JsonSerializer.Serialize(new { collection = Org1Only, key = "order-7", value = Secret });

        // Endorsed by both peers (AND of both organisations): Org2's peer endorses a write it will not keep.
        FabricSubmitResult written = await client.SubmitAsync(network.Admin, network.AdminSigner, name, "put", note);
        await network.WaitForBlockAsync(written.BlockNumber);

        string key = JsonSerializer.Serialize(new { collection = Org1Only, key = "order-7" });
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Secret)));
        Assert.Equal(JsonSerializer.Serialize(Secret), await EvaluateAsync(atOrg1, name, "get", key));
        Assert.Equal(JsonSerializer.Serialize(hash), await EvaluateAsync(atOrg1, name, "hash", key));
        Assert.Equal(JsonSerializer.Serialize(hash), await EvaluateAsync(atOrg2, name, "hash", key));

        // Org2's peer has the hash on its ledger but not the value: it refuses the read (the value matching the hash
        // is not available there), or answers that there is none.
        string? atOrg2Value;
        try
        {
            atOrg2Value = await EvaluateAsync(atOrg2, name, "get", key);
        }
        catch (ValueChainException refused)
        {
            Assert.Contains("private data", refused.Message, StringComparison.OrdinalIgnoreCase);
            atOrg2Value = null;
        }

        Assert.True(atOrg2Value is null or "null", $"Org2's peer answered {atOrg2Value}");
        Assert.DoesNotContain(Secret, atOrg2Value ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transaction_reads_its_own_private_writes_and_their_hash()
    {
        LiveFabricNetwork network = fabric.RequireTwoOrganisations();
        await using FabricClient client = network.NewClient();
        string name = await network.DeployAsync(client, new PrivateNotesChaincode());
        string note = JsonSerializer.Serialize(new { collection = "traceabilityDetails", key = "d-1", value = "dock 4" });

        FabricSubmitResult result = await client.SubmitAsync(network.Admin, network.AdminSigner, name, "putThenGet", note);

        string hash = Convert.ToHexStringLower(SHA256.HashData("dock 4"u8));
        Assert.Equal(JsonSerializer.Serialize(new[] { "dock 4", hash }), Encoding.UTF8.GetString(result.Result.Span));
    }

    private static async Task<string> EvaluateAsync(FabricClient client, string chaincode, string function, string args) =>
        Encoding.UTF8.GetString((await client.EvaluateAsync(chaincode, function, args)).Span);
}
