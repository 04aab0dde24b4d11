using System.Text;
using System.Text.Json.Nodes;

namespace ValueChain.Cryptography;

/// <summary>
/// EIP-712 hashing of typed structured data: type encoding, struct hashes (nested structs, fixed and
/// dynamic arrays, string and bytes), domain separator and the signed digest; signing and recovery.
/// </summary>
public static class Eip712
{
    /// <summary>
    /// The type encoding: <c>Primary(type name,…)</c> followed by every struct type it references,
    /// directly or not, sorted by name.
    /// </summary>
    /// <exception cref="ValueChainFormatException">A type is not defined.</exception>
    public static string EncodeType(IReadOnlyDictionary<string, IReadOnlyList<Eip712Field>> types, string primaryType)
    {
        ArgumentNullException.ThrowIfNull(types);
        var dependencies = new SortedSet<string>(StringComparer.Ordinal);
        CollectDependencies(types, primaryType, dependencies);
        dependencies.Remove(primaryType);
        var text = new StringBuilder();
        foreach (string name in dependencies.Prepend(primaryType))
        {
            text.Append(name).Append('(').AppendJoin(',', types[name].Select(f => $"{f.Type} {f.Name}")).Append(')');
        }

        return text.ToString();
    }

    /// <summary>Keccak-256 of <see cref="EncodeType"/>.</summary>
    public static Hash32 TypeHash(IReadOnlyDictionary<string, IReadOnlyList<Eip712Field>> types, string primaryType) =>
        Keccak256.Hash(Encoding.UTF8.GetBytes(EncodeType(types, primaryType)));

    /// <summary>hashStruct: Keccak-256(typeHash ‖ encodeData(value)).</summary>
    /// <exception cref="ValueChainFormatException">A value is missing or does not fit its type; the message names its path.</exception>
    public static Hash32 HashStruct(IReadOnlyDictionary<string, IReadOnlyList<Eip712Field>> types, string type, JsonObject value)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(value);
        return HashStruct(types, type, value, type);
    }

    /// <summary>The domain separator of <paramref name="domain"/>.</summary>
    public static Hash32 HashDomain(Eip712Domain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var types = new Dictionary<string, IReadOnlyList<Eip712Field>> { ["EIP712Domain"] = domain.Fields() };
        return HashStruct(types, "EIP712Domain", domain.ToJson());
    }

    /// <summary>The signed digest: Keccak-256(0x19 0x01 ‖ domainSeparator ‖ structHash).</summary>
    public static Hash32 Digest(Hash32 domainSeparator, Hash32 structHash)
    {
        Span<byte> buffer = stackalloc byte[66];
        buffer[0] = 0x19;
        buffer[1] = 0x01;
        domainSeparator.WriteTo(buffer[2..]);
        structHash.WriteTo(buffer[34..]);
        return Keccak256.Hash(buffer);
    }

    /// <summary>Signs typed data (deterministic, low s, V 27/28).</summary>
    public static RecoverableSignature Sign(PrivateKey key, Eip712TypedData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Secp256k1.Sign(key, data.Digest());
    }

    /// <summary>Recovers the signer of typed data under the rules of <paramref name="mode"/>.</summary>
    /// <exception cref="InvalidSignatureException">The signature is malformed for the mode.</exception>
    public static Address RecoverSigner(Eip712TypedData data, RecoverableSignature signature, RecoveryMode mode = RecoveryMode.Strict)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Secp256k1.RecoverAddress(data.Digest(), signature, mode);
    }

    private static Hash32 HashStruct(IReadOnlyDictionary<string, IReadOnlyList<Eip712Field>> types, string type, JsonObject value, string path)
    {
        IReadOnlyList<Eip712Field> fields = Fields(types, type, path);
        var hasher = new Keccak256Hasher();
        Span<byte> word = stackalloc byte[32];
        TypeHash(types, type).WriteTo(word);
        hasher.Append(word);
        foreach (Eip712Field field in fields)
        {
            EncodeField(types, field.Type, value[field.Name], $"{path}.{field.Name}", word);
            hasher.Append(word);
        }

        return hasher.GetHashAndReset();
    }

    private static void EncodeField(IReadOnlyDictionary<string, IReadOnlyList<Eip712Field>> types, string type, JsonNode? node, string path, Span<byte> word)
    {
        if (type.EndsWith(']'))
        {
            int open = type.LastIndexOf('[');
            string elementType = type[..open];
            string lengthText = type[(open + 1)..^1];
            JsonArray items = node as JsonArray ?? throw new ValueChainFormatException(path, node?.ToJsonString(), $"expected an array for {type}");
            if (lengthText.Length > 0 && (!int.TryParse(lengthText, out int length) || length != items.Count))
            {
                throw new ValueChainFormatException(path, items.ToJsonString(), $"{type} takes exactly {lengthText} elements, not {items.Count}");
            }

            // An array is encoded as the hash of its elements' encodings, concatenated.
            var hasher = new Keccak256Hasher();
            Span<byte> element = stackalloc byte[32];
            for (int i = 0; i < items.Count; i++)
            {
                EncodeField(types, elementType, items[i], $"{path}[{i}]", element);
                hasher.Append(element);
            }

            hasher.GetHashAndReset().WriteTo(word);
            return;
        }

        if (types.ContainsKey(type))
        {
            JsonObject member = node as JsonObject ?? throw new ValueChainFormatException(path, node?.ToJsonString(), $"expected an object of type {type}");
            HashStruct(types, type, member, path).WriteTo(word);
            return;
        }

        Eip712Values.Encode(type, node, path, word);
    }

    private static void CollectDependencies(IReadOnlyDictionary<string, IReadOnlyList<Eip712Field>> types, string type, SortedSet<string> found)
    {
        if (!found.Add(type))
        {
            return;
        }

        foreach (Eip712Field field in Fields(types, type, type))
        {
            string baseType = field.Type.Split('[')[0];
            if (types.ContainsKey(baseType))
            {
                CollectDependencies(types, baseType, found);
            }
        }
    }

    private static IReadOnlyList<Eip712Field> Fields(IReadOnlyDictionary<string, IReadOnlyList<Eip712Field>> types, string type, string path) =>
        types.TryGetValue(type, out IReadOnlyList<Eip712Field>? fields)
            ? fields
            : throw new ValueChainFormatException(path, type, "this struct type is not defined in the typed data");
}
