using System.Text.Json;
using System.Text.Json.Nodes;

namespace ValueChain.Cryptography;

/// <summary>
/// An EIP-712 typed-data message: domain, struct types, primary type and message, as wallets
/// exchange it (<c>eth_signTypedData_v4</c>).
/// </summary>
/// <param name="Domain">The signing domain.</param>
/// <param name="Types">The struct types by name. An <c>EIP712Domain</c> entry, if present, is ignored: the domain type is derived from <paramref name="Domain"/>.</param>
/// <param name="PrimaryType">The type of <paramref name="Message"/>.</param>
/// <param name="Message">The message as JSON.</param>
public sealed record Eip712TypedData(
    Eip712Domain Domain,
    IReadOnlyDictionary<string, IReadOnlyList<Eip712Field>> Types,
    string PrimaryType,
    JsonObject Message)
{
    /// <summary>The domain separator: hashStruct(EIP712Domain, domain).</summary>
    public Hash32 DomainSeparator() => Eip712.HashDomain(Domain);

    /// <summary>The struct hash of the message.</summary>
    public Hash32 StructHash() => Eip712.HashStruct(Types, PrimaryType, Message);

    /// <summary>The digest that is signed: Keccak-256(0x19 0x01 ‖ domain separator ‖ struct hash).</summary>
    public Hash32 Digest() => Eip712.Digest(DomainSeparator(), StructHash());

    /// <summary>Reads typed data in the JSON form of <c>eth_signTypedData_v4</c>.</summary>
    /// <exception cref="ValueChainFormatException">A member is missing or malformed.</exception>
    public static Eip712TypedData FromJson(string json)
    {
        JsonObject root = JsonNode.Parse(json)?.AsObject() ?? throw new ValueChainFormatException("typed data", json, "expected a JSON object");
        return FromJson(root);
    }

    /// <summary>Reads typed data from a parsed JSON object.</summary>
    /// <exception cref="ValueChainFormatException">A member is missing or malformed.</exception>
    public static Eip712TypedData FromJson(JsonObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        JsonObject Required(string name) => root[name] as JsonObject
            ?? throw new ValueChainFormatException($"typed data.{name}", root[name]?.ToJsonString(), "a JSON object is required");

        var types = new Dictionary<string, IReadOnlyList<Eip712Field>>(StringComparer.Ordinal);
        foreach ((string name, JsonNode? fields) in Required("types"))
        {
            if (name == "EIP712Domain")
            {
                continue;
            }

            types[name] = (fields as JsonArray ?? throw new ValueChainFormatException($"types.{name}", fields?.ToJsonString(), "expected an array of {name, type}"))
                .Select(f => new Eip712Field(
                    f?["name"]?.GetValue<string>() ?? throw new ValueChainFormatException($"types.{name}", f?.ToJsonString(), "a field needs a name"),
                    f["type"]?.GetValue<string>() ?? throw new ValueChainFormatException($"types.{name}", f.ToJsonString(), "a field needs a type")))
                .ToList();
        }

        string primaryType = root["primaryType"]?.GetValueKind() == JsonValueKind.String
            ? root["primaryType"]!.GetValue<string>()
            : throw new ValueChainFormatException("typed data.primaryType", root["primaryType"]?.ToJsonString(), "a type name is required");
        return new Eip712TypedData(Eip712Domain.FromJson(Required("domain")), types, primaryType, Required("message"));
    }
}
