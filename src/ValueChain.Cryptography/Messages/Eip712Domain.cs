using System.Numerics;
using System.Text.Json.Nodes;

namespace ValueChain.Cryptography;

/// <summary>
/// The EIP-712 domain. Only the members that are set take part in the domain type, in the order
/// name, version, chainId, verifyingContract, salt (as wallets and ethers derive it).
/// </summary>
public sealed record Eip712Domain
{
    /// <summary>The signing domain's name, for example "ValueChain.Flexibility".</summary>
    public string? Name { get; init; }

    /// <summary>The domain's version, for example "1".</summary>
    public string? Version { get; init; }

    /// <summary>The chain id (EIP-155).</summary>
    public BigInteger? ChainId { get; init; }

    /// <summary>The contract that verifies the signature.</summary>
    public Address? VerifyingContract { get; init; }

    /// <summary>A disambiguating salt.</summary>
    public Hash32? Salt { get; init; }

    /// <summary>The fields of the EIP712Domain type for the members that are set.</summary>
    public IReadOnlyList<Eip712Field> Fields()
    {
        var fields = new List<Eip712Field>(5);
        if (Name is not null) fields.Add(new("name", "string"));
        if (Version is not null) fields.Add(new("version", "string"));
        if (ChainId is not null) fields.Add(new("chainId", "uint256"));
        if (VerifyingContract is not null) fields.Add(new("verifyingContract", "address"));
        if (Salt is not null) fields.Add(new("salt", "bytes32"));
        return fields;
    }

    /// <summary>The domain as a JSON object of its set members.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (Name is not null) json["name"] = Name;
        if (Version is not null) json["version"] = Version;
        if (ChainId is not null) json["chainId"] = ChainId.Value.ToString();
        if (VerifyingContract is not null) json["verifyingContract"] = VerifyingContract.Value.ToString();
        if (Salt is not null) json["salt"] = Salt.Value.ToString();
        return json;
    }

    /// <summary>Reads a domain from a JSON object with any of the five members.</summary>
    /// <exception cref="ValueChainFormatException">A member has the wrong form.</exception>
    public static Eip712Domain FromJson(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new Eip712Domain
        {
            Name = json["name"]?.GetValue<string>(),
            Version = json["version"]?.GetValue<string>(),
            ChainId = json["chainId"] is { } chainId ? Eip712Values.ToInteger(chainId, "domain.chainId") : null,
            VerifyingContract = json["verifyingContract"] is { } contract ? Address.Parse(contract.GetValue<string>()) : null,
            Salt = json["salt"] is { } salt ? Hash32.Parse(salt.GetValue<string>()) : null,
        };
    }
}
