using System.Text.Json.Nodes;
using ValueChain.Cryptography;
using ValueChain.Testing;

namespace ValueChain.Flexibility.Tests;

/// <summary>The typed ETR reproduces the shared EIP-712 vectors whose primary type is Record.</summary>
public sealed class EtrVectorTests
{
    public static TheoryData<int> Records()
    {
        var data = new TheoryData<int>();
        IReadOnlyList<JsonObject> entries = VectorFile.Entries("ethereum/eip712.json");
        for (int i = 0; i < entries.Count; i++)
        {
            if (entries[i]["primaryType"]!.GetValue<string>() == "Record")
            {
                data.Add(i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void A_typed_record_hashes_and_signs_as_the_vector(int index)
    {
        JsonObject entry = VectorFile.Entries("ethereum/eip712.json")[index];
        JsonObject m = entry["message"]!.AsObject();
        JsonObject domain = entry["domain"]!.AsObject();
        var record = new EnergyTransferRecord(
            Address.Parse(m["fleetOperator"]!.GetValue<string>()),
            DateOnly.FromDateTime(DateTime.UnixEpoch).AddDays(m["deliveryDate"]!.GetValue<int>()),
            m["startSlot"]!.GetValue<int>(),
            Hash32.Parse(m["location"]!.GetValue<string>()),
            (FlexibilityDirection)m["direction"]!.GetValue<int>(),
            m["energyWh"]!.GetValue<ulong>(),
            UInt256.Parse(m["nonce"]!.GetValue<string>()),
            DateTimeOffset.FromUnixTimeSeconds(m["readingTime"]!.GetValue<long>()));
        ulong chainId = domain["chainId"]!.GetValue<ulong>();
        var contract = Address.Parse(domain["verifyingContract"]!.GetValue<string>());

        Eip712TypedData typed = record.ToTypedData(chainId, contract);
        var meter = new SimulatedMeter("vector", PrivateKey.Parse(entry["privateKey"]!.GetValue<string>()), System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256));

        Assert.Equal(entry["domainSeparator"]!.GetValue<string>(), typed.DomainSeparator().ToString());
        Assert.Equal(entry["structHash"]!.GetValue<string>(), typed.StructHash().ToString());
        Assert.Equal(entry["digest"]!.GetValue<string>(), record.Digest(chainId, contract).ToString());
        Assert.Equal(entry["signature"]!.GetValue<string>(), meter.Sign(record, chainId, contract).ToString());
        Assert.Equal(entry["signer"]!.GetValue<string>(), meter.Address.ToString());
        meter.Dispose();
    }
}
